package org.synovia.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.fhir.ApiClients;
import org.synovia.fhir.FhirFixtures;
import org.synovia.fhir.IssuedCredentials;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;

/**
 * A FHIR read or search commits its call's audit line together with the lines of what it read: one durable commit
 * per call, not two (ADR 0111). A call that fails still leaves its line, and leaves it before it is answered.
 */
@SynoviaIntegrationTest
class CallAuditIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired ApiClients clients;
    @Autowired Patients patients;
    @Autowired JdbcClient jdbc;

    IssuedCredentials credentials;
    IGenericClient fhir;
    UUID patientId;

    @BeforeEach
    void clientAndPatient() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        AccountFixtures.signOut();
        credentials = FhirFixtures.client(accounts, clients, "system/*.crs");
        fhir = FhirFixtures.http(port, credentials);
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    @Test
    void aReadCommitsItsCallLineWithTheLineOfWhatItRead() {
        String referralId = fhir.create().resource(FhirFixtures.kneeReferral(patientId, "CA-" + UUID.randomUUID()))
                .execute().getId().getIdPart();
        long before = lastLine();

        fhir.read().resource(ServiceRequest.class).withId(referralId).execute();

        List<Line> lines = linesAfter(before);
        assertThat(lines).extracting(Line::what).containsExactly("READ FHIR ServiceRequest", "READ Referral");
        assertThat(lines).extracting(Line::transaction).as("one transaction for both lines").containsOnly(
                lines.getFirst().transaction());
    }

    @Test
    void aSearchCommitsItsCallLineWithTheLinesOfWhatItFound() {
        long before = lastLine();

        Bundle found = fhir.search().forResource(Patient.class).where(Patient.IDENTIFIER.exactly()
                .systemAndCode(Fhir.NHS_NUMBER, patients.find(new org.synovia.patient.PatientId(patientId)).orElseThrow()
                        .nhsNumber().value())).returnBundle(Bundle.class).execute();

        assertThat(found.getEntry()).hasSize(1);
        List<Line> lines = linesAfter(before);
        assertThat(lines).extracting(Line::what).first().isEqualTo("SEARCH FHIR Patient");
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines).extracting(Line::transaction).containsOnly(lines.getFirst().transaction());
    }

    @Test
    void aReadOfNothingStillLeavesItsCallLine() {
        long before = lastLine();

        catchThrowableOfType(ResourceNotFoundException.class,
                () -> fhir.read().resource(ServiceRequest.class).withId(UUID.randomUUID().toString()).execute());

        assertThat(linesAfter(before)).extracting(Line::what).containsExactly("READ FHIR ServiceRequest");
    }

    @Test
    void aSearchRefusedByItsProviderStillLeavesItsCallLine() {
        long before = lastLine();

        catchThrowableOfType(InvalidRequestException.class,
                () -> fhir.search().byUrl("ServiceRequest?_count=5").returnBundle(Bundle.class).execute());

        assertThat(linesAfter(before)).extracting(Line::what).containsExactly("SEARCH FHIR ServiceRequest");
    }

    record Line(String what, long transaction) {
    }

    private long lastLine() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    /** This client's lines after that id, each with the transaction that wrote it (PostgreSQL's xmin). */
    private List<Line> linesAfter(long id) {
        return jdbc.sql("select action || ' ' || record_type as what, xmin::text::bigint as transaction from audit_event "
                + "where id > ? and username = ? order by id").params(id, credentials.client().clientId())
                .query((rs, row) -> new Line(rs.getString("what"), rs.getLong("transaction"))).list();
    }
}
