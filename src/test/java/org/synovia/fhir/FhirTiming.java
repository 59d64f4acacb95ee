package org.synovia.fhir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;

import ca.uhn.fhir.rest.client.api.IGenericClient;

/**
 * Times FHIR calls over HTTP on the embedded PostgreSQL (docs/performance.md). Not part of {@code mvn verify}
 * (its name ends in Timing); run with {@code -Dtest=FhirTiming}. Measured, not asserted.
 */
@SynoviaIntegrationTest
class FhirTiming {

    private static final int RUNS = 30;

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired ApiClients clients;
    @Autowired Patients patients;

    @Test
    void timesReadsSearchesAndCreates() {
        AccountFixtures.signIn(AccountFixtures.create(accounts, Role.REFERRER));
        UUID patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        AccountFixtures.signOut();
        IGenericClient fhir = FhirFixtures.http(port, FhirFixtures.client(accounts, clients, "system/*.crs"));

        String created = fhir.create().resource(FhirFixtures.kneeReferral(patientId, "T-0")).execute().getId().getIdPart();
        report("Patient read", () -> fhir.read().resource(Patient.class).withId(patientId.toString()).execute());
        report("ServiceRequest read", () -> fhir.read().resource(ServiceRequest.class).withId(created).execute());
        report("ServiceRequest search by patient", () -> fhir.search().byUrl("ServiceRequest?patient=" + patientId)
                .returnBundle(Bundle.class).execute());
        report("ServiceRequest create (new identifier)", () -> fhir.create()
                .resource(FhirFixtures.kneeReferral(patientId, "T-" + UUID.randomUUID())).execute());
        report("ServiceRequest conditional create, identifier known", () -> fhir.create()
                .resource(FhirFixtures.kneeReferral(patientId, "T-0"))
                .conditionalByUrl("ServiceRequest?identifier=" + FhirFixtures.ORDER_SYSTEM + "|T-0").execute());

        String json = FhirFixtures.R4.newJsonParser().encodeResourceToString(
                fhir.read().resource(ServiceRequest.class).withId(created).execute());
        long start = System.nanoTime();
        FhirFixtures.validator().validateWithResult(json);
        System.out.printf("FHIR timing: first validation (loads R4 definitions) %d ms%n", (System.nanoTime() - start) / 1_000_000);
        report("validation of a ServiceRequest, warm", () -> FhirFixtures.validator().validateWithResult(json));
    }

    private static void report(String what, Supplier<?> call) {
        call.get();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            call.get();
            micros.add((System.nanoTime() - start) / 1_000);
        }
        Collections.sort(micros);
        System.out.printf("FHIR timing: %s: median %.1f ms, p95 %.1f ms%n", what, micros.get(RUNS / 2) / 1000.0,
                micros.get((int) Math.ceil(RUNS * 0.95) - 1) / 1000.0);
    }
}
