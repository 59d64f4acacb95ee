package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.shared.InvalidInputException;

/** Administrators change a person's roles and disable or enable accounts, audited with before and after (#17). */
@SynoviaIntegrationTest
class RoleAdministrationIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void changesRolesEndsTheSessionsAndAuditsBeforeAndAfter() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);
        int generation = generation(nurse.username());

        mvc.perform(post("/admin/users/{u}/roles", nurse.username()).param("roles", "NURSE", "BOOKING")
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", Matchers.containsString("Roles of '" + nurse.username() + "' changed")));

        assertThat(accounts.find(nurse.username()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.NURSE, Role.BOOKING);
        assertThat(generation(nurse.username())).as("sessions ended").isGreaterThan(generation);
        assertThat(jdbc.sql("select details from audit_event where record_type = 'UserAccount' and record_id = ? "
                        + "and username = ? order by id desc limit 1").params(nurse.username(), admin.username())
                .query(String.class).single()).isEqualTo("roles changed; before: [NURSE], after: [BOOKING, NURSE]");
        mvc.perform(get("/admin/users").param("q", nurse.username()).with(user(admin.username()).roles("ADMIN")))
                .andExpect(content().string(Matchers.containsString("Roles of " + nurse.displayName())));
    }

    @Test
    void refusesNoRolesAnUnknownRoleAndANonAdministrator() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount nurse = AccountFixtures.create(accounts, Role.NURSE);

        mvc.perform(post("/admin/users/{u}/roles", nurse.username())
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("problem", Matchers.containsString("Choose at least one role")));
        mvc.perform(post("/admin/users/{u}/roles", nurse.username()).param("roles", "SUPERUSER")
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("problem", "Choose roles from the list."));
        mvc.perform(post("/admin/users/{u}/roles", nurse.username()).param("roles", "ADMIN")
                        .with(user(nurse.username()).roles("NURSE")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(accounts.find(nurse.username()).orElseThrow().roles()).containsExactly(Role.NURSE);
    }

    @Test
    void keepsAnAdministratorsOwnAdministratorRole() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN, Role.RADIOLOGIST);

        mvc.perform(post("/admin/users/{u}/roles", admin.username()).param("roles", "RADIOLOGIST")
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("problem", Matchers.containsString("cannot remove your own administrator role")));

        assertThat(accounts.find(admin.username()).orElseThrow().roles()).contains(Role.ADMIN);
    }

    @Test
    void keepsTheLastActiveAdministrator() {
        UserAccount last = AccountFixtures.create(accounts, Role.ADMIN, Role.NURSE);
        UserAccount other = AccountFixtures.create(accounts, Role.ADMIN);
        AccountFixtures.signIn(other);
        // Every other administrator disabled in a transaction rolled back at the end: the shared database has many.
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.sql("""
                    update user_account set enabled = false where username <> ?
                      and username in (select username from user_role where role = 'ADMIN')""").param(last.username()).update();
            assertThatThrownBy(() -> accounts.setRoles(last.username(), Set.of(Role.NURSE)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("last active administrator");
            assertThatThrownBy(() -> accounts.setEnabled(last.username(), false))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("last active administrator");
        });
        accounts.setRoles(last.username(), Set.of(Role.NURSE));
        assertThat(accounts.find(last.username()).orElseThrow().roles()).containsExactly(Role.NURSE);
    }

    @Test
    void disablesAndEnablesAnAccountWithBeforeAndAfterAndRefusesDisablingOneself() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);

        mvc.perform(post("/admin/users/{u}/enabled", clerk.username()).param("enabled", "false")
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("notice", Matchers.containsString("disabled")));
        assertThat(accounts.find(clerk.username()).orElseThrow().enabled()).isFalse();
        mvc.perform(post("/admin/users/{u}/enabled", clerk.username()).param("enabled", "true")
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("notice", Matchers.containsString("enabled")));
        mvc.perform(post("/admin/users/{u}/enabled", admin.username()).param("enabled", "false")
                        .with(user(admin.username()).roles("ADMIN")).with(csrf()))
                .andExpect(flash().attribute("problem", "You cannot disable your own account."));

        assertThat(accounts.find(clerk.username()).orElseThrow().enabled()).isTrue();
        assertThat(accounts.find(admin.username()).orElseThrow().enabled()).isTrue();
        assertThat(jdbc.sql("select details from audit_event where record_type = 'UserAccount' and record_id = ? order by id")
                .param(clerk.username()).query(String.class).list())
                .contains("account disabled; before: enabled, after: disabled", "account enabled; before: disabled, after: enabled");
    }

    private int generation(String username) {
        return jdbc.sql("select session_generation from user_account where username = ?").param(username)
                .query(Integer.class).single();
    }
}
