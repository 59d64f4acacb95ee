package org.synovia.cdshooks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.catalogue.Catalogue;
import org.synovia.referral.ReferralSafety;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.SafetyChecks;
import org.synovia.safety.SafetyInput;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CDS Hooks endpoints: discovery at {@code GET /cds-services}, and one service per hook. Calls are
 * authenticated with a JWT signed by a trusted CDS client (ADR 0064) or, for simple set-ups, HTTP Basic as a referrer's
 * or service account (ADR 0023). Bad requests get 400 with every
 * problem and its JSON path; the assessment stores nothing, and each call is audited.
 */
@RestController
class CdsHooksController {

    private static final Logger log = LoggerFactory.getLogger(CdsHooksController.class);
    static final String ORDER_SELECT = "synovia-injection-safety-order-select";
    static final String ORDER_SIGN = "synovia-injection-safety-order-sign";
    private static final int MAX_HOOK_INSTANCE_LENGTH = 100;
    private static final Map<String, String> HOOKS = Map.of(ORDER_SELECT, "order-select", ORDER_SIGN, "order-sign");

    /** What we ask the record system to send with each call (FHIR R4 queries, CDS Hooks prefetch templates). */
    static final Map<String, String> PREFETCH = Map.of(
            "patient", "Patient/{{context.patientId}}",
            "medications", "MedicationRequest?patient={{context.patientId}}&status=active",
            "conditions", "Condition?patient={{context.patientId}}&clinical-status=active",
            "allergies", "AllergyIntolerance?patient={{context.patientId}}",
            "observations", "Observation?patient={{context.patientId}}&code=http://loinc.org|14682-9,http://loinc.org|33914-3,"
                    + "http://loinc.org|62238-1,http://loinc.org|6301-6,http://loinc.org|29463-7,http://loinc.org|8302-2,"
                    + "http://loinc.org|59261-8,http://loinc.org|82810-3&_sort=-date&_count=50");

    private final JsonMapper json;
    private final SafetyChecks safety;
    private final ReferralSafety referralSafety;
    private final Catalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;

    CdsHooksController(JsonMapper json, SafetyChecks safety, ReferralSafety referralSafety, Catalogue catalogue,
            AuditTrail audit, Clock clock) {
        this.json = json;
        this.safety = safety;
        this.referralSafety = referralSafety;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    record Service(String hook, String id, String title, String description, Map<String, String> prefetch) {
    }

    record Discovery(List<Service> services) {
    }

    record Response(List<Cards.Card> cards) {
    }

    record Problem(String error, List<FieldProblem> problems) {
    }

    @GetMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
    Discovery discovery() {
        String description = "Checks an image-guided joint or spinal injection order against blood thinners, allergies, "
                + "diabetes, renal function and the other rules of the injection service, and gives the medication plan.";
        return new Discovery(List.of(
                new Service("order-select", ORDER_SELECT, "Injection safety (order selected)", description, PREFETCH),
                new Service("order-sign", ORDER_SIGN, "Injection safety (order signed)", description, PREFETCH)));
    }

    @PostMapping(path = "/cds-services/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('REFERRER', 'RADIOLOGIST', 'INTEGRATION')")
    @Transactional
    ResponseEntity<?> call(@PathVariable("id") String id, @RequestBody(required = false) String body) {
        if (!HOOKS.containsKey(id)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                    .body(new Problem("No CDS service " + id + "; see GET /cds-services", List.of()));
        }
        JsonNode request = read(body);
        String hook = request.path("hook").asString(null);
        if (!HOOKS.get(id).equals(hook)) {
            throw new InvalidInputException("hook", "must be " + HOOKS.get(id) + " for this service, not " + hook);
        }
        if (!request.path("hookInstance").isString()) {
            throw new InvalidInputException("hookInstance", "is required");
        }
        String instance = request.path("hookInstance").asString("");
        // The spec makes it a UUID; it is stored in the audit trail, which refuses NUL and very long text.
        if (instance.length() > MAX_HOOK_INSTANCE_LENGTH || instance.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("hookInstance", "must be an identifier of at most " + MAX_HOOK_INSTANCE_LENGTH
                    + " characters without control characters (a UUID)");
        }
        FhirInput input = new FhirInput(request, clock.getZone());
        var injections = input.injections(catalogue::site, snomed -> catalogue.sites().stream()
                .filter(s -> snomed.equals(s.snomedCode())).findFirst());
        List<Cards.Card> cards = new ArrayList<>();
        if (!injections.isEmpty()) {
            var patient = input.patient();
            var medicines = input.medicines();
            String rulesUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/safety/rules").toUriString();
            for (FhirInput.DraftInjection injection : injections) {
                var procedure = FhirInput.dated(referralSafety.requestedProcedure(FhirInput.requested(injection)), injection);
                SafetyAssessment assessment = safety.assess(new SafetyInput(patient, medicines, List.of(), List.of(), procedure));
                String name = injection.side().label() + " " + injection.site().name().toLowerCase(java.util.Locale.UK);
                cards.addAll(Cards.of(assessment, name.replace("Not applicable ", ""), rulesUrl));
            }
        }
        audit.record(AuditAction.READ, "CdsHooksCall", request.path("hookInstance").asString(""), null,
                hook + " for " + injections.size() + " injection order(s); " + cards.size() + " card(s); nothing stored");
        return ResponseEntity.ok(new Response(cards));
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "is empty; send a CDS Hooks request (JSON)");
        }
        try {
            JsonNode tree = json.readTree(body);
            if (!tree.isObject()) {
                throw new InvalidInputException("body", "must be a JSON object");
            }
            return tree;
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Problem> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new Problem("Invalid CDS Hooks request", e.problems()));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Problem> unexpected(RuntimeException e) {
        if (e instanceof org.springframework.security.access.AccessDeniedException denied) {
            throw denied;
        }
        log.error("CDS Hooks call failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(new Problem("The order could not be checked; assess it by hand.", List.of()));
    }
}
