package org.synovia.cdshooks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.synovia.catalogue.InjectionSite;
import org.synovia.referral.ClinicalCodes;
import org.synovia.referral.FhirFacts;
import org.synovia.referral.Intent;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralSafety;
import org.synovia.referral.RequestedInjectate;
import org.synovia.safety.Medicine;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PlannedProcedure;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;

import tools.jackson.databind.JsonNode;

/**
 * Reads a CDS Hooks request (FHIR R4 JSON) into what the safety engine needs: the patient's facts from the
 * prefetched Patient, Condition, AllergyIntolerance and Observation resources, the blood thinners from
 * MedicationRequest or MedicationStatement (both through {@link FhirFacts}, the FHIR referral's reader too), and
 * the planned injection from each draft ServiceRequest. The
 * procedure is the site's usual template for the requested injectate, as at referral. Codes and mappings are
 * tabled in docs/integration/cds-hooks.md. A missing or malformed part is an {@link InvalidInputException}
 * naming its JSON path.
 */
final class FhirInput {

    static final String SNOMED = ClinicalCodes.SNOMED;
    static final String LOINC = ClinicalCodes.LOINC;
    static final String SITE_SYSTEM = "urn:synovia:injection-site";
    static final String INJECTATE_SYSTEM = "urn:synovia:requested-injectate";
    static final String INTENT_SYSTEM = "urn:synovia:intent";

    /** SNOMED CT laterality qualifiers (272741003) on ServiceRequest.bodySite. */
    private static final String LEFT = "7771000";
    private static final String RIGHT = "24028007";
    private static final String BOTH = "51440002";

    private final JsonNode request;
    private final ZoneId zone;

    FhirInput(JsonNode request, ZoneId zone) {
        this.request = request;
        this.zone = zone;
    }

    /** One injection the clinician is ordering, with its FHIR id for the card's suggestion context. */
    record DraftInjection(String reference, InjectionSite site, Laterality side, LocalDateTime start,
            RequestedInjectate injectate, Intent intent) {
    }

    /** The draft ServiceRequests that are injections we know, limited to the selected ones for order-select. */
    List<DraftInjection> injections(Function<String, Optional<InjectionSite>> catalogue, Function<String, Optional<InjectionSite>> bySnomed) {
        JsonNode bundle = request.path("context").path("draftOrders");
        if (!bundle.path("entry").isArray()) {
            throw new InvalidInputException("context.draftOrders", "must be a FHIR Bundle with entries");
        }
        List<String> selections = new ArrayList<>();
        request.path("context").path("selections").forEach(s -> selections.add(s.asString("")));
        boolean select = "order-select".equals(request.path("hook").asString(""));
        List<DraftInjection> found = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode order = entry.path("resource");
            String path = "context.draftOrders.entry[" + index++ + "].resource";
            if (!order.isObject()) {
                // A draft order we cannot read must not pass as "nothing to say".
                throw new InvalidInputException(path, "must be a FHIR resource (a JSON object)");
            }
            if (!"ServiceRequest".equals(order.path("resourceType").asString(""))) {
                continue;
            }
            String reference = "ServiceRequest/" + order.path("id").asString("");
            if (select && !selections.isEmpty() && !selections.contains(reference)) {
                continue;
            }
            InjectionSite site = null;
            Laterality side = null;
            for (JsonNode bodySite : order.path("bodySite")) {
                for (JsonNode coding : bodySite.path("coding")) {
                    String system = coding.path("system").asString("");
                    String code = coding.path("code").asString("");
                    if (SITE_SYSTEM.equals(system)) {
                        site = catalogue.apply(code).orElseThrow(() -> new InvalidInputException(path + ".bodySite",
                                "is not an injection site in the catalogue: " + code));
                    } else if (SNOMED.equals(system)) {
                        switch (code) {
                            case LEFT -> side = Laterality.LEFT;
                            case RIGHT -> side = Laterality.RIGHT;
                            case BOTH -> side = Laterality.BILATERAL;
                            default -> site = site != null ? site : bySnomed.apply(code).orElse(null);
                        }
                    }
                }
            }
            if (site == null) {
                continue; // Not an injection we know: nothing to say about it.
            }
            if (side == null) {
                side = site.lateral() ? null : Laterality.NOT_APPLICABLE;
                if (side == null) {
                    throw new InvalidInputException(path + ".bodySite",
                            "gives no side for " + site.name() + "; add SNOMED CT 7771000 (left), 24028007 (right) or 51440002 (both)");
                }
            }
            found.add(new DraftInjection(reference, site, side, start(order, path),
                    coded(order.path("orderDetail"), INJECTATE_SYSTEM, RequestedInjectate.class, path + ".orderDetail")
                            .orElse(RequestedInjectate.CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC),
                    coded(order.path("orderDetail"), INTENT_SYSTEM, Intent.class, path + ".orderDetail").orElse(Intent.THERAPEUTIC)));
        }
        return found;
    }

    /** The usual procedure for the site and injectate, as {@code ReferralSafety} plans it at referral, on the ordered date. */
    static ReferralDetails requested(DraftInjection injection) {
        return new ReferralDetails(null, injection.site().code(), injection.side(), null, injection.intent(), null, null, null,
                null, null, null, null, false, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, injection.injectate(), false, null, null, null, null, null, null, null, null, null, null, null, null, null,
                false, null, null, null);
    }

    static PlannedProcedure dated(PlannedProcedure procedure, DraftInjection injection) {
        return injection.start() == null ? procedure : procedure.withStart(injection.start());
    }

    private LocalDateTime start(JsonNode order, String path) {
        String when = order.path("occurrenceDateTime").asString(null);
        if (when == null) {
            when = order.path("occurrencePeriod").path("start").asString(null);
        }
        if (when == null) {
            return null;
        }
        try {
            if (when.length() == 10) {
                return LocalDate.parse(when).atTime(LocalTime.of(9, 0));
            }
            return OffsetDateTime.parse(when).atZoneSameInstant(zone).toLocalDateTime();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path + ".occurrenceDateTime", "must be a FHIR date or dateTime, not " + when);
        }
    }

    /**
     * Patient, conditions, allergies, observations and blood thinners from the prefetch, read by the one reader
     * the FHIR referral intake uses too ({@link FhirFacts}) and from there through the one mapping every door uses
     * ({@link ReferralSafety#patientFacts}). A question the prefetch does not answer stays "not known".
     */
    PatientFacts patient() {
        JsonNode patient = request.path("prefetch").path("patient");
        if (!"Patient".equals(patient.path("resourceType").asString(""))) {
            throw new InvalidInputException("prefetch.patient", "must be the Patient resource (this service does not query "
                    + "FHIR servers itself)");
        }
        LocalDate birthDate = FhirFacts.date(patient.path("birthDate").asString(null), "prefetch.patient.birthDate");
        Sex sex = switch (patient.path("gender").asString("unknown")) {
            case "female" -> Sex.FEMALE;
            case "male" -> Sex.MALE;
            case "other" -> Sex.INDETERMINATE;
            default -> Sex.NOT_KNOWN;
        };
        ReferralDetails facts = prefetched().details();
        // A problem list without diabetes is not proof of none: diabetes stays "not recorded" (ADR 0068).
        return ReferralSafety.patientFacts(facts, birthDate, sex);
    }

    /** The blood thinners as the engine reads them, through the same mapping as a referral's. */
    List<Medicine> medicines() {
        return ReferralSafety.medicines(prefetched().details());
    }

    /** Medications, conditions, allergies and observations of the prefetch, each as a Bundle or a single resource. */
    private FhirFacts prefetched() {
        List<FhirFacts.Source> sources = new ArrayList<>();
        for (String key : List.of("medications", "conditions", "allergies", "observations")) {
            JsonNode prefetched = request.path("prefetch").path(key);
            if (prefetched.isMissingNode() || prefetched.isNull()) {
                continue;
            }
            if ("Bundle".equals(prefetched.path("resourceType").asString(""))) {
                int index = 0;
                for (JsonNode entry : prefetched.path("entry")) {
                    sources.add(new FhirFacts.Source("prefetch." + key + ".entry[" + index++ + "].resource", entry.path("resource")));
                }
            } else {
                sources.add(new FhirFacts.Source("prefetch." + key, prefetched));
            }
        }
        return FhirFacts.of(sources);
    }

    private static <E extends Enum<E>> Optional<E> coded(JsonNode concepts, String system, Class<E> type, String path) {
        for (JsonNode concept : concepts) {
            for (JsonNode coding : concept.path("coding")) {
                if (system.equals(coding.path("system").asString(""))) {
                    try {
                        return Optional.of(Enum.valueOf(type, coding.path("code").asString("")));
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException(path, "has an unknown " + system + " code: " + coding.path("code").asString(""));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
