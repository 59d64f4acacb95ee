package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;

/** An administrator records each clinician's grade, which decides who may override a STOP (ADR 0035). */
@SynoviaIntegrationTest
class UserAdminIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;

    @Test
    void recordsARegistrationNumberWithItsRegisterRefusesAMistypedOneAndRemovesIt() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        var asAdmin = user(admin.username()).roles("ADMIN");

        mvc.perform(post("/admin/users/{u}/registration", radiologist.username()).param("register", "GMC")
                        .param("registrationNumber", "7654321").with(asAdmin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", Matchers.containsString("GMC 7654321")));
        assertThat(accounts.find(radiologist.username()).orElseThrow().registration())
                .isEqualTo(new ProfessionalRegistration(ProfessionalRegister.GMC, "7654321"));

        mvc.perform(post("/admin/users/{u}/registration", radiologist.username()).param("register", "GMC")
                        .param("registrationNumber", "76543").with(asAdmin).with(csrf()))
                .andExpect(flash().attribute("problem", Matchers.containsString("A GMC number is 7 digits")));
        assertThat(accounts.find(radiologist.username()).orElseThrow().registration().number()).isEqualTo("7654321");

        mvc.perform(get("/admin/users").param("q", radiologist.username()).with(asAdmin))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("aria-label=\"Registration number of "
                        + radiologist.username() + "\"")))
                .andExpect(content().string(Matchers.containsString("value=\"7654321\"")));

        mvc.perform(post("/admin/users/{u}/registration", radiologist.username()).param("register", "")
                        .with(asAdmin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.find(radiologist.username()).orElseThrow().registration()).isNull();
    }

    @Test
    void setsChangesAndRemovesAGradeAndRefusesOneNotOnTheList() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount radiologist = AccountFixtures.create(accounts, (StaffGrade) null, Role.RADIOLOGIST);
        assertThat(radiologist.grade()).isNull();

        mvc.perform(post("/admin/users/{u}/grade", radiologist.username()).param("grade", "SPECIALTY_REGISTRAR")
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", Matchers.containsString("specialty registrar")));
        assertThat(accounts.find(radiologist.username()).orElseThrow().grade()).isEqualTo(StaffGrade.SPECIALTY_REGISTRAR);

        mvc.perform(post("/admin/users/{u}/grade", radiologist.username()).param("grade", "PROFESSOR")
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("problem", "Choose a grade from the list."));
        assertThat(accounts.find(radiologist.username()).orElseThrow().grade()).isEqualTo(StaffGrade.SPECIALTY_REGISTRAR);

        mvc.perform(get("/admin/users").param("q", radiologist.username()).with(user(admin.username()).roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("aria-label=\"Grade of " + radiologist.username() + "\"")));

        mvc.perform(post("/admin/users/{u}/grade", radiologist.username()).param("grade", "")
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.find(radiologist.username()).orElseThrow().grade()).isNull();
    }

    @Test
    void createsAnAccountWithItsGradeAndLetsOnlyAnAdministratorSetOne() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        String username = "consultant." + System.nanoTime() % 1_000_000;
        mvc.perform(post("/admin/users").param("username", username).param("displayName", "Dr Test Consultant")
                        .param("roles", "RADIOLOGIST").param("grade", "CONSULTANT").param("password", AccountFixtures.PASSWORD)
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.find(username).orElseThrow().grade()).isEqualTo(StaffGrade.CONSULTANT);

        mvc.perform(post("/admin/users/{u}/grade", username).param("grade", "SONOGRAPHER")
                        .with(user(username).roles("RADIOLOGIST")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(accounts.find(username).orElseThrow().grade()).isEqualTo(StaffGrade.CONSULTANT);
    }

    @Test
    void refusesWeakAndOverlongPasswordsWithAMessageOnCreateAndReset() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        for (String weak : new String[] {"password1234", "            ", "synovia-demo", "a".repeat(100), "é".repeat(50)}) {
            String username = "clerk." + System.nanoTime() % 1_000_000;
            mvc.perform(post("/admin/users").param("username", username).param("displayName", "Test Clerk")
                            .param("roles", "BOOKING").param("password", weak)
                            .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.anyOf(Matchers.containsString("choose another"),
                            Matchers.containsString("only spaces"), Matchers.containsString("72 bytes"))));
            assertThat(accounts.find(username)).isEmpty();

            mvc.perform(post("/admin/users/{u}/password", clerk.username()).param("password", weak)
                            .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("problem", Matchers.anyOf(Matchers.containsString("choose another"),
                            Matchers.containsString("only spaces"), Matchers.containsString("72 bytes"))));
        }
        mvc.perform(post("/admin/users/{u}/password", clerk.username()).param("password", "a fresh clinic passphrase")
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("notice", Matchers.containsString("changed")));
    }
}
