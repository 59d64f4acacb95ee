package org.synovia.fhir.server;

import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;

/**
 * A transaction Bundle that refers a patient: one ServiceRequest to create (conditional with {@code ifNoneExist} as a
 * plain create), with the patient's MedicationStatement, MedicationRequest, AllergyIntolerance, Observation and
 * Condition resources beside it. Their facts become part of the referral, in the same database transaction, and
 * are not kept as resources of their own (ADR 0041); any other entry refuses the whole Bundle.
 */
@Component
class ReferralTransaction {

    private final ServiceRequestProvider serviceRequests;

    ReferralTransaction(ServiceRequestProvider serviceRequests) {
        this.serviceRequests = serviceRequests;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw new InvalidRequestException("Bundle.type must be transaction.");
        }
        List<Bundle.BundleEntryComponent> referrals = bundle.getEntry().stream()
                .filter(e -> e.getResource() instanceof ServiceRequest).toList();
        if (referrals.size() != 1 || referrals.getFirst().getRequest().getMethod() != Bundle.HTTPVerb.POST) {
            throw new InvalidRequestException("A transaction carries exactly one ServiceRequest to create (request.method "
                    + "POST), with the patient's resources it reads: " + String.join(", ", ResourceFacts.READ.stream().sorted().toList())
                    + ".");
        }
        int index = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            if (resource == null || !(resource instanceof ServiceRequest || ResourceFacts.READ.contains(resource.fhirType()))) {
                throw new InvalidRequestException("Bundle.entry[" + index + "]: " + (resource == null ? "no resource"
                        : resource.fhirType() + " is not read with a referral") + "; send only the ServiceRequest and "
                        + String.join(", ", ResourceFacts.READ.stream().sorted().toList()) + ".");
            }
            index++;
        }
        Bundle.BundleEntryComponent referral = referrals.getFirst();
        String conditional = referral.getRequest().hasIfNoneExist() ? "ServiceRequest?" + referral.getRequest().getIfNoneExist() : null;
        MethodOutcome created = serviceRequests.create((ServiceRequest) referral.getResource(), conditional, bundle);
        String location = "ServiceRequest/" + created.getId().getIdPart();

        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Bundle.BundleEntryResponseComponent answer = response.addEntry().getResponse();
            if (entry == referral) {
                answer.setStatus(Boolean.TRUE.equals(created.getCreated()) ? "201 Created" : "200 OK").setLocation(location);
                continue;
            }
            OperationOutcome read = new OperationOutcome();
            read.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics("Read into " + location + "; not kept as a resource of its own.");
            answer.setStatus("200 OK").setOutcome(read);
        }
        return response;
    }
}
