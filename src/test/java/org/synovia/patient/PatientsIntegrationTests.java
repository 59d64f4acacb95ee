package org.synovia.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Sex;

@SynoviaIntegrationTest
class PatientsIntegrationTests {

    @Autowired
    Patients patients;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

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
    void registersAPatientAndFindsThemByEachIdentifier() {
        NewPatient details = PatientFixtures.adult();
        Patient patient = ((Registration.Registered) patients.register(details, false)).patient();

        assertThat(patients.find(patient.id())).contains(patient);
        assertThat(patients.search(new PatientSearch(details.nhsNumber(), null))).containsExactly(patient);
        assertThat(patients.search(new PatientSearch(patient.nhsNumber().formatted(), null))).containsExactly(patient);
        assertThat(patients.search(new PatientSearch(details.familyName().substring(0, 16), null))).containsExactly(patient);
        assertThat(patients.search(new PatientSearch("alex " + details.familyName(), details.dateOfBirth()))).containsExactly(patient);
        assertThat(patients.search(new PatientSearch(details.familyName(), details.dateOfBirth().plusDays(1)))).isEmpty();
    }

    @Test
    void returnsTheExistingRecordForAKnownNhsNumberAndSavesNothing() {
        NewPatient details = PatientFixtures.adult();
        Patient first = ((Registration.Registered) patients.register(details, false)).patient();
        NewPatient sameNumber = new NewPatient(details.nhsNumber(), null, "Other", "Person", LocalDate.of(1990, 1, 1),
                Sex.MALE, null, null, null, null, null);

        Registration second = patients.register(sameNumber, true);

        assertThat(second).isInstanceOf(Registration.AlreadyRegistered.class);
        assertThat(((Registration.AlreadyRegistered) second).existing()).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = ?").param(details.nhsNumber())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void warnsOfAPossibleDuplicateBySameNameAndBirthUntilConfirmed() {
        NewPatient details = PatientFixtures.adult();
        Patient first = ((Registration.Registered) patients.register(details, false)).patient();
        NewPatient twin = new NewPatient(PatientFixtures.uniqueNhsNumber(), null, details.familyName().toUpperCase(),
                details.givenName(), details.dateOfBirth(), Sex.FEMALE, null, null, null, null, null);

        assertThat(patients.register(twin, false)).isEqualTo(new Registration.PossibleDuplicates(java.util.List.of(first)));
        assertThat(patients.search(new PatientSearch(twin.nhsNumber(), null))).isEmpty();
        assertThat(patients.register(twin, true)).isInstanceOf(Registration.Registered.class);
    }

    @Test
    void savesNothingWhenInputIsInvalid() {
        NewPatient bad = new NewPatient("9434765918", null, "Valid", "Name", LocalDate.of(1980, 1, 1), Sex.FEMALE, null, null,
                null, null, null);
        assertThatThrownBy(() -> patients.register(bad, false)).isInstanceOf(InvalidInputException.class);
        assertThat(jdbc.sql("select count(*) from patient where nhs_number = '9434765918'").query(Integer.class).single()).isZero();
    }

    @Test
    void auditsEveryReadAndWriteWithUserAndRole() {
        Patient patient = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient();
        patients.find(patient.id());

        var actions = jdbc.sql("select action || ' ' || username || ' ' || roles from audit_event where patient_id = ? order by id")
                .param(patient.id().value()).query(String.class).list();
        assertThat(actions).containsExactly("CREATE " + clerk.username() + " BOOKING", "READ " + clerk.username() + " BOOKING");
    }
}
