package org.synovia.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;

import ca.uhn.fhir.context.FhirContext;

/**
 * The server's R4 context encodes what a resource names as contained, and does not search the rest of an answer for
 * resources to contain (issue 16); the JVM's shared R4 context is left as HAPI makes it.
 */
class FhirServerContextTests {

    private final FhirContext server = new FhirSecurityConfiguration().fhirContext();

    @Test
    void encodesTheResourcesAResourceNamesAsContained() {
        Medication medication = new Medication();
        medication.setId("med");
        medication.setCode(new CodeableConcept().setText("Methylprednisolone acetate 40 mg/mL"));
        MedicationAdministration given = new MedicationAdministration();
        given.addContained(medication);
        given.setMedication(new Reference("#med"));

        String json = server.newJsonParser().encodeResourceToString(given);

        assertThat(json).contains("\"contained\":[{\"resourceType\":\"Medication\",\"id\":\"med\"")
                .contains("Methylprednisolone acetate 40 mg/mL").contains("\"reference\":\"#med\"");
    }

    @Test
    void doesNotSearchAnAnswerForResourcesToContain() {
        Patient unsaved = new Patient();
        unsaved.addName().setFamily("Unsaved");
        ServiceRequest request = new ServiceRequest();
        request.setSubject(new Reference(unsaved));

        assertThat(server.newJsonParser().encodeResourceToString(request)).doesNotContain("contained");
        assertThat(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(request))
                .as("the shared context, unchanged").contains("\"contained\"");
    }
}
