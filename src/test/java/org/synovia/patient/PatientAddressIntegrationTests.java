package org.synovia.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.testing.RecordCopies;

/** The postal address is shown on the patient's page, even when unknown, and changed there with an audited before and after. */
@SynoviaIntegrationTest
class PatientAddressIntegrationTests {

    @Autowired Patients patients;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    UserAccount clerk;

    @BeforeEach
    void signIn() {
        clerk = AccountFixtures.create(accounts, Role.BOOKING);
        AccountFixtures.signIn(clerk);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void changesTheAddressAndAuditsItBeforeAndAfter() {
        Patient patient = registered(PatientFixtures.adult());

        Patient moved = patients.changeAddress(patient.id(), new PostalAddress(List.of("2 New Street"), "Newtown", "zz2 2nw"));
        Patient unknown = patients.changeAddress(patient.id(), null);

        assertThat(moved.address()).isEqualTo(new PostalAddress(List.of("2 New Street"), "Newtown", "ZZ2 2NW"));
        assertThat(unknown.address()).isNull();
        assertThat(patients.find(patient.id()).orElseThrow().address()).isNull();
        assertThat(jdbc.sql("""
                select details from audit_event where patient_id = ? and action = 'UPDATE' and record_type = 'Patient'
                order by id""").param(patient.id().value()).query(String.class).list()).containsExactly(
                "postal address: was 1 Test Street, Testfield, Testville, ZZ1 1TS; now 2 New Street, Newtown, ZZ2 2NW",
                "postal address: was 2 New Street, Newtown, ZZ2 2NW; now none recorded");
    }

    @Test
    void showsThatNoAddressIsRecordedAndLetsStaffAddOne() throws Exception {
        Patient patient = registered(RecordCopies.with(PatientFixtures.adult(), "address", null));

        assertThat(page("/patients/" + patient.id())).contains("No postal address recorded").contains("Add the address");

        mvc.perform(post("/patients/{id}/address", patient.id()).with(user(clerk.username()).roles("BOOKING")).with(csrf())
                .param("addressLine1", " 7 Example Row ").param("addressLine2", "").param("town", "Exampleton")
                .param("postcode", "zz3 3ex"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/patients/" + patient.id()));

        assertThat(patients.find(patient.id()).orElseThrow().address())
                .isEqualTo(new PostalAddress(List.of("7 Example Row"), "Exampleton", "ZZ3 3EX"));
        assertThat(page("/patients/" + patient.id())).contains("7 Example Row").contains("EXAMPLETON").contains("ZZ3 3EX")
                .doesNotContain("No postal address recorded");
    }

    @Test
    void refusesAPartOrBadAddressBesideItsFieldsAndKeepsTheOldOne() throws Exception {
        Patient patient = registered(PatientFixtures.adult());

        String answer = mvc.perform(post("/patients/{id}/address", patient.id()).with(user(clerk.username()).roles("BOOKING"))
                .with(csrf()).param("addressLine1", "7 Example Row").param("town", "").param("postcode", "NOT A CODE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(answer).contains("Enter the town or city.").contains("Enter a UK postcode like SW1A 1AA.")
                .contains("value=\"7 Example Row\"");
        assertThat(patients.find(patient.id()).orElseThrow().address()).isEqualTo(PatientFixtures.address());
    }

    @Test
    void registersAPatientWithTheAddressTypedOnTheForm() throws Exception {
        NewPatient details = PatientFixtures.adult();

        mvc.perform(post("/patients").with(user(clerk.username()).roles("BOOKING")).with(csrf())
                .param("nhsNumber", details.nhsNumber()).param("familyName", details.familyName()).param("givenName", "Alex")
                .param("dateOfBirth", "1970-03-14").param("sex", "FEMALE").param("addressLine1", "1 Form Lane")
                .param("town", "Formby").param("postcode", "zz4 4fm"))
                .andExpect(status().is3xxRedirection());

        assertThat(patients.search(new PatientSearch(details.nhsNumber(), null))).singleElement()
                .extracting(Patient::address).isEqualTo(new PostalAddress(List.of("1 Form Lane"), "Formby", "ZZ4 4FM"));
    }

    private Patient registered(NewPatient details) {
        return ((Registration.Registered) patients.register(details, false)).patient();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(clerk.username()).roles("BOOKING"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }
}
