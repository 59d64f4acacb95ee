package org.synovia.cdshooks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.synovia.catalogue.InjectionSite;
import org.synovia.referral.ClinicalCodes;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Intent;
import org.synovia.referral.PregnancyPossibility;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralSafety;
import org.synovia.referral.RequestedInjectate;
import org.synovia.safety.AllergyCategory;
import org.synovia.safety.Medicine;
import org.synovia.safety.PatientFacts;
import org.synovia.safety.PlannedProcedure;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;
import org.synovia.shared.YesNoUnknown;

import tools.jackson.databind.JsonNode;

/**
 * Reads a CDS Hooks request (FHIR R4 JSON) into what the safety engine needs: the patient's facts from the
 * prefetched Patient, Condition, AllergyIntolerance and Observation resources, the blood thinners from
 * MedicationRequest or MedicationStatement, and the planned injection from each draft ServiceRequest. The
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
        request.path("context").path("selections").forEach(s -> selections.add(s.asString()));
        boolean select = "order-select".equals(request.path("hook").asString());
        List<DraftInjection> found = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : bundle.path("entry")) {
            JsonNode order = entry.path("resource");
            String path = "context.draftOrders.entry[" + index++ + "].resource";
            if (!"ServiceRequest".equals(order.path("resourceType").asString())) {
                continue;
            }
            String reference = "ServiceRequest/" + order.path("id").asString();
            if (select && !selections.isEmpty() && !selections.contains(reference)) {
                continue;
            }
            InjectionSite site = null;
            Laterality side = null;
            for (JsonNode bodySite : order.path("bodySite")) {
                for (JsonNode coding : bodySite.path("coding")) {
                    String system = coding.path("system").asString();
                    String code = coding.path("code").asString();
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
     * Patient, conditions, allergies, observations and blood thinners from the prefetch, read through the shared
     * code table into the referral's facts and from there through the one mapping every door uses
     * ({@link ReferralSafety#patientFacts}). A question the prefetch does not answer stays "not known".
     */
    PatientFacts patient() {
        JsonNode patient = request.path("prefetch").path("patient");
        if (!"Patient".equals(patient.path("resourceType").asString())) {
            throw new InvalidInputException("prefetch.patient", "must be the Patient resource (this service does not query "
                    + "FHIR servers itself)");
        }
        LocalDate birthDate = date(patient.path("birthDate").asString(null), "prefetch.patient.birthDate");
        Sex sex = switch (patient.path("gender").asString("unknown")) {
            case "female" -> Sex.FEMALE;
            case "male" -> Sex.MALE;
            case "other" -> Sex.INDETERMINATE;
            default -> Sex.NOT_KNOWN;
        };
        Optional<Result> creatinine = latest(ClinicalCodes.Measured.CREATININE_UMOL_L);
        Optional<Result> egfr = creatinine.isPresent() ? Optional.empty() : latest(ClinicalCodes.Measured.EGFR);
        Optional<Result> inr = latest(ClinicalCodes.Measured.INR);
        List<ReferralDetails.AntithromboticMedicine> thinners = antithrombotics();
        ReferralDetails facts = new ReferralDetails(null, null, null, null, null, null, null, null, null, null, thinners,
                null, false, allergies(), diabetes(), insulin(),
                latest(ClinicalCodes.Measured.HBA1C_MMOL_MOL).map(o -> (int) Math.round(o.value())).orElse(null), null, null,
                null, pregnancy(), latest(ClinicalCodes.Measured.WEIGHT_KG).map(o -> decimal(o.value())).orElse(null),
                creatinine.map(c -> (int) Math.round(ClinicalCodes.creatinineUmolPerL(c.value(), c.unit()))).orElse(null),
                egfr.map(o -> (int) Math.round(o.value())).orElse(null),
                creatinine.or(() -> egfr).map(Result::date).orElse(null), null, null, null, false, null,
                latest(ClinicalCodes.Measured.HEIGHT_CM).map(o -> decimal(o.value())).orElse(null), null, null, null, null,
                null, null, null, inr.map(o -> decimal(o.value())).orElse(null), inr.map(Result::date).orElse(null), null,
                lastMenstrualPeriod(), false, null, null, null);
        return ReferralSafety.patientFacts(facts, birthDate, sex);
    }

    private static java.math.BigDecimal decimal(double value) {
        return java.math.BigDecimal.valueOf(value);
    }

    /** Insulin is "yes" when an active insulin is prefetched; its absence proves nothing, so otherwise not known. */
    private YesNoUnknown insulin() {
        for (JsonNode medication : resources("medications", "MedicationRequest", "MedicationStatement")) {
            String name = text(medication.path("medicationCodeableConcept"));
            String status = medication.path("status").asString("active");
            if (name != null && name.toLowerCase(Locale.ROOT).contains("insulin") && status.equals("active")) {
                return YesNoUnknown.YES;
            }
        }
        return YesNoUnknown.NOT_KNOWN;
    }

    /** LOINC 8665-2: the start of the last menstrual period, as a date value. */
    private LocalDate lastMenstrualPeriod() {
        LocalDate found = null;
        for (JsonNode observation : resources("observations", "Observation")) {
            boolean lmp = false;
            for (JsonNode coding : observation.path("code").path("coding")) {
                lmp |= LOINC.equals(coding.path("system").asString())
                        && ClinicalCodes.Measured.LAST_MENSTRUAL_PERIOD.loinc().contains(coding.path("code").asString());
            }
            String value = observation.path("valueDateTime").asString(null);
            if (lmp && value != null) {
                LocalDate date = date(value, "prefetch.observations (LOINC 8665-2).valueDateTime");
                found = found == null || date.isAfter(found) ? date : found;
            }
        }
        return found;
    }

    /** LOINC 82810-3 pregnancy status through the shared answer table; none means not answered. */
    private PregnancyPossibility pregnancy() {
        for (JsonNode observation : resources("observations", "Observation")) {
            boolean status = false;
            for (JsonNode coding : observation.path("code").path("coding")) {
                status |= LOINC.equals(coding.path("system").asString())
                        && ClinicalCodes.PREGNANCY_STATUS.equals(coding.path("code").asString());
            }
            if (!status) {
                continue;
            }
            for (JsonNode coding : observation.path("valueCodeableConcept").path("coding")) {
                Optional<PregnancyPossibility> answer = ClinicalCodes.pregnancyStatus(coding.path("code").asString(""));
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        }
        return null;
    }

    private DiabetesType diabetes() {
        DiabetesType found = DiabetesType.NONE;
        for (JsonNode condition : resources("conditions", "Condition")) {
            String status = condition.path("clinicalStatus").path("coding").path(0).path("code").asString("active");
            if (!status.equals("active") && !status.equals("recurrence") && !status.equals("relapse")) {
                continue;
            }
            for (JsonNode coding : condition.path("code").path("coding")) {
                DiabetesType type = ClinicalCodes.diabetes(coding.path("code").asString(""));
                if (type == DiabetesType.TYPE_1) {
                    return type;
                }
                if (type == DiabetesType.TYPE_2 || (type == DiabetesType.OTHER && found == DiabetesType.NONE)) {
                    found = type;
                }
            }
        }
        return found;
    }

    private List<ReferralDetails.Allergy> allergies() {
        List<ReferralDetails.Allergy> found = new ArrayList<>();
        for (JsonNode allergy : resources("allergies", "AllergyIntolerance")) {
            String agent = text(allergy.path("code"));
            if (agent == null) {
                continue;
            }
            List<String> reactions = new ArrayList<>();
            for (JsonNode reaction : allergy.path("reaction")) {
                for (JsonNode manifestation : reaction.path("manifestation")) {
                    Optional.ofNullable(text(manifestation)).ifPresent(reactions::add);
                }
            }
            found.add(new ReferralDetails.Allergy(switch (AllergyCategory.fromAgent(agent)) {
                case LOCAL_ANAESTHETIC -> org.synovia.referral.AllergyCategory.LOCAL_ANAESTHETIC;
                case CORTICOSTEROID -> org.synovia.referral.AllergyCategory.CORTICOSTEROID;
                case IODINATED_CONTRAST -> org.synovia.referral.AllergyCategory.IODINATED_CONTRAST;
                case LATEX -> org.synovia.referral.AllergyCategory.LATEX;
                case SHELLFISH, POVIDONE_IODINE, OTHER -> org.synovia.referral.AllergyCategory.OTHER;
            }, agent, reactions.isEmpty() ? null : String.join(", ", reactions)));
        }
        return found;
    }

    /** The blood thinners as the engine reads them, through the same mapping as a referral's. */
    List<Medicine> medicines() {
        ReferralDetails details = new ReferralDetails(null, null, null, null, null, null, null, null, null, null,
                antithrombotics(), null, false, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, false, null, null, null, null, null, null, null, null, null, null, null, null, null, false, null,
                null, null);
        return ReferralSafety.medicines(details);
    }

    /** Active blood thinners from MedicationRequest or MedicationStatement; other medicines do not change the advice. */
    private List<ReferralDetails.AntithromboticMedicine> antithrombotics() {
        List<ReferralDetails.AntithromboticMedicine> found = new ArrayList<>();
        int index = 0;
        for (JsonNode medication : resources("medications", "MedicationRequest", "MedicationStatement")) {
            String path = "prefetch.medications.entry[" + index++ + "].resource";
            String status = medication.path("status").asString("active");
            if (!status.equals("active") && !status.equals("intended") && !status.equals("on-hold")) {
                continue;
            }
            String name = text(medication.path("medicationCodeableConcept"));
            JsonNode dosage = medication.path("dosageInstruction").isArray() ? medication.path("dosageInstruction").path(0)
                    : medication.path("dosage").path(0);
            JsonNode dose = dosage.path("doseAndRate").path(0).path("doseQuantity");
            Double doseMg = dose.path("value").isNumber() && "mg".equalsIgnoreCase(dose.path("unit").asString(dose.path("code").asString("")))
                    ? dose.path("value").asDouble() : null;
            Antithrombotic drug = antithrombotic(name, doseMg);
            if (drug == null) {
                continue;
            }
            JsonNode repeat = dosage.path("timing").path("repeat");
            DoseFrequency frequency = frequency(repeat);
            List<LocalTime> times = new ArrayList<>();
            for (JsonNode time : repeat.path("timeOfDay")) {
                try {
                    times.add(LocalTime.parse(time.asString()));
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException(path + ".dosage.timing.repeat.timeOfDay", "must be hh:mm:ss, not " + time.asString());
                }
            }
            if (frequency == DoseFrequency.OTHER || times.size() != frequency.dosesPerDay()) {
                times = List.of(); // The engine then uses its default times for the frequency.
            }
            found.add(new ReferralDetails.AntithromboticMedicine(drug, doseMg == null ? null : doseMg + " mg", frequency,
                    times.stream().map(t -> t.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")))
                            .collect(java.util.stream.Collectors.joining(", "))));
        }
        return found;
    }

    /** By name; a low-molecular-weight heparin by dose, prophylactic up to 40 mg enoxaparin a day (BNF). */
    static Antithrombotic antithrombotic(String name, Double doseMg) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("enoxaparin")) {
            return doseMg != null && doseMg <= 40 ? Antithrombotic.ENOXAPARIN_PROPHYLACTIC : Antithrombotic.ENOXAPARIN_THERAPEUTIC;
        }
        if (n.contains("dalteparin")) {
            return Antithrombotic.DALTEPARIN_THERAPEUTIC;
        }
        if (n.contains("heparin")) {
            return n.contains("intraven") ? Antithrombotic.HEPARIN_INTRAVENOUS : Antithrombotic.HEPARIN_SUBCUTANEOUS;
        }
        for (Antithrombotic drug : Antithrombotic.values()) {
            String word = drug.name().split("_")[0].toLowerCase(Locale.ROOT);
            if (n.contains(word)) {
                return drug;
            }
        }
        return null;
    }

    private static DoseFrequency frequency(JsonNode repeat) {
        int perPeriod = repeat.path("frequency").asInt(1);
        double period = repeat.path("period").asDouble(1);
        String unit = repeat.path("periodUnit").asString("d");
        if (repeat.isMissingNode() || !unit.equals("d") || period != 1) {
            return repeat.path("timeOfDay").size() >= 1 && repeat.path("timeOfDay").size() <= 3
                    ? List.of(DoseFrequency.ONCE_DAILY, DoseFrequency.TWICE_DAILY, DoseFrequency.THREE_TIMES_DAILY)
                            .get(repeat.path("timeOfDay").size() - 1)
                    : DoseFrequency.OTHER;
        }
        return switch (perPeriod) {
            case 1 -> DoseFrequency.ONCE_DAILY;
            case 2 -> DoseFrequency.TWICE_DAILY;
            case 3 -> DoseFrequency.THREE_TIMES_DAILY;
            default -> DoseFrequency.OTHER;
        };
    }

    private record Result(double value, String unit, LocalDate date) {
    }

    /** The most recent final result with one of the fact's LOINC codes (the shared table). */
    private Optional<Result> latest(ClinicalCodes.Measured fact) {
        List<String> codes = fact.loinc();
        List<Result> results = new ArrayList<>();
        int index = 0;
        for (JsonNode observation : resources("observations", "Observation")) {
            String path = "prefetch.observations.entry[" + index++ + "].resource";
            String status = observation.path("status").asString("final");
            if (status.equals("entered-in-error") || status.equals("cancelled") || status.equals("preliminary")) {
                continue;
            }
            boolean matches = false;
            for (JsonNode coding : observation.path("code").path("coding")) {
                matches |= LOINC.equals(coding.path("system").asString()) && codes.contains(coding.path("code").asString());
            }
            JsonNode quantity = observation.path("valueQuantity");
            if (!matches || !quantity.path("value").isNumber()) {
                continue;
            }
            String when = observation.path("effectiveDateTime").asString(null);
            results.add(new Result(quantity.path("value").asDouble(), quantity.path("unit").asString(quantity.path("code").asString(null)),
                    when == null ? null : date(when.substring(0, Math.min(10, when.length())), path + ".effectiveDateTime")));
        }
        return results.stream().max(Comparator.comparing(Result::date, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** The resources of one prefetch key, given as a searchset Bundle or as a single resource. */
    private List<JsonNode> resources(String key, String... types) {
        JsonNode prefetched = request.path("prefetch").path(key);
        List<JsonNode> found = new ArrayList<>();
        if (prefetched.isMissingNode() || prefetched.isNull()) {
            return found;
        }
        List<JsonNode> candidates = new ArrayList<>();
        if ("Bundle".equals(prefetched.path("resourceType").asString())) {
            prefetched.path("entry").forEach(e -> candidates.add(e.path("resource")));
        } else {
            candidates.add(prefetched);
        }
        for (JsonNode resource : candidates) {
            if (List.of(types).contains(resource.path("resourceType").asString())) {
                found.add(resource);
            }
        }
        return found;
    }

    private static String text(JsonNode concept) {
        if (concept.path("text").isString()) {
            return concept.path("text").asString();
        }
        for (JsonNode coding : concept.path("coding")) {
            if (coding.path("display").isString()) {
                return coding.path("display").asString();
            }
        }
        return null;
    }

    private static <E extends Enum<E>> Optional<E> coded(JsonNode concepts, String system, Class<E> type, String path) {
        for (JsonNode concept : concepts) {
            for (JsonNode coding : concept.path("coding")) {
                if (system.equals(coding.path("system").asString())) {
                    try {
                        return Optional.of(Enum.valueOf(type, coding.path("code").asString()));
                    } catch (IllegalArgumentException e) {
                        throw new InvalidInputException(path, "has an unknown " + system + " code: " + coding.path("code").asString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static LocalDate date(String value, String path) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path, "must be a date (yyyy-mm-dd), not " + value);
        }
    }
}
