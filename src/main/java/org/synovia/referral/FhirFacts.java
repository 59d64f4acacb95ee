package org.synovia.referral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.YesNoUnknown;

import tools.jackson.databind.JsonNode;

/**
 * The one reading of a patient's FHIR R4 resources (MedicationStatement, MedicationRequest, AllergyIntolerance,
 * Condition, Observation) into a referral's facts, through the one code table ({@link ClinicalCodes}). CDS Hooks
 * reads its prefetch with it and the FHIR referral intake its contained, referenced and bundled resources, so that
 * both doors cannot disagree; {@link ReferralSafety#patientFacts} then turns the facts into the engine's input.
 * A fact no resource gives stays absent or "not known", never "no". A malformed value is an
 * {@link InvalidInputException} naming where the resource came from.
 */
public final class FhirFacts {

    /** One resource with the place it came from, for messages ("prefetch.medications.entry[0].resource"). */
    public record Source(String path, JsonNode resource) {
    }

    /** A dated numeric result with its unit, as the shared table names it. */
    public record Result(double value, String unit, LocalDate date) {
    }

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final List<Source> sources;

    private FhirFacts(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    public static FhirFacts of(List<Source> sources) {
        return new FhirFacts(sources);
    }

    /** Whether any resource was given at all. */
    public boolean isEmpty() {
        return sources.isEmpty();
    }

    /**
     * The facts alone, as a referral that says nothing else (CDS Hooks, where there is no form). A diabetes no
     * Condition names stays absent here; the caller decides what absence means for its door.
     */
    public ReferralDetails details() {
        Optional<Result> creatinine = latest(ClinicalCodes.Measured.CREATININE_UMOL_L);
        Optional<Result> egfr = creatinine.isPresent() ? Optional.empty() : latest(ClinicalCodes.Measured.EGFR);
        Optional<Result> inr = latest(ClinicalCodes.Measured.INR);
        return new ReferralDetails(null, null, null, null, null, null, null, null, null, null, antithrombotics(), null,
                false, allergies(), diabetes(), insulin(),
                latest(ClinicalCodes.Measured.HBA1C_MMOL_MOL).map(o -> (int) Math.round(o.value())).orElse(null),
                answer(ClinicalCodes.Question.PROSTHESIS_AT_SITE), answer(ClinicalCodes.Question.INFECTION_AT_SITE),
                answer(ClinicalCodes.Question.SYSTEMIC_INFECTION), pregnancy(),
                latest(ClinicalCodes.Measured.WEIGHT_KG).map(o -> decimal(o.value())).orElse(null),
                creatinine.map(c -> (int) Math.round(ClinicalCodes.creatinineUmolPerL(c.value(), c.unit()))).orElse(null),
                egfr.map(o -> (int) Math.round(o.value())).orElse(null), creatinine.or(() -> egfr).map(Result::date).orElse(null),
                null, null, null, false, null, latest(ClinicalCodes.Measured.HEIGHT_CM).map(o -> decimal(o.value())).orElse(null),
                new ReferralDetails.ThromboticRisk(answer(ClinicalCodes.Question.MECHANICAL_HEART_VALVE), null, null, null),
                answer(ClinicalCodes.Question.SUSPECTED_SEPTIC_JOINT), answer(ClinicalCodes.Question.PREVIOUS_CONTRAST_REACTION),
                answer(ClinicalCodes.Question.OLDER_AGE), answer(ClinicalCodes.Question.BLEEDING_TENDENCY),
                answer(ClinicalCodes.Question.ADVANCED_LIVER_DISEASE), answer(ClinicalCodes.Question.ADVANCED_RENAL_DISEASE),
                inr.map(o -> decimal(o.value())).orElse(null), inr.map(Result::date).orElse(null),
                answer(ClinicalCodes.Question.CHILDBEARING_POTENTIAL), lastMenstrualPeriod(), false, null, null, null);
    }

    /** Active blood thinners from MedicationStatement or MedicationRequest, by SNOMED CT code or name; other medicines are not read. */
    public List<ReferralDetails.AntithromboticMedicine> antithrombotics() {
        List<ReferralDetails.AntithromboticMedicine> found = new ArrayList<>();
        for (Source source : of("MedicationStatement", "MedicationRequest")) {
            JsonNode medication = source.resource();
            if (!current(medication.path("status").asString("active"))) {
                continue;
            }
            JsonNode concept = medication.path("medicationCodeableConcept");
            JsonNode dosage = medication.path("dosageInstruction").isArray() ? medication.path("dosageInstruction").path(0)
                    : medication.path("dosage").path(0);
            JsonNode dose = dosage.path("doseAndRate").path(0).path("doseQuantity");
            Double doseMg = dose.path("value").isNumber() && "mg".equalsIgnoreCase(dose.path("unit").asString(dose.path("code").asString("")))
                    ? number(dose.path("value"), source.path() + ".dosage.doseAndRate.doseQuantity.value") : null;
            Antithrombotic drug = null;
            for (JsonNode coding : concept.path("coding")) {
                drug = drug != null ? drug : ClinicalCodes.antithrombotic(coding.path("code").asString(null),
                        coding.path("display").asString(null), doseMg);
            }
            drug = drug != null ? drug : ClinicalCodes.antithrombotic(null, text(concept), doseMg);
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
                    throw new InvalidInputException(source.path() + ".dosage.timing.repeat.timeOfDay",
                            "must be hh:mm:ss, not " + time.asString());
                }
            }
            if (frequency == DoseFrequency.OTHER || times.size() != frequency.dosesPerDay()) {
                times = List.of(); // The engine then uses its default times for the frequency.
            }
            found.add(new ReferralDetails.AntithromboticMedicine(drug, doseMg == null ? null : BigDecimal.valueOf(doseMg)
                    .stripTrailingZeros().toPlainString() + " mg", frequency,
                    times.stream().map(t -> t.format(HH_MM)).collect(Collectors.joining(", "))));
        }
        return found;
    }

    /** Insulin is "yes" when an active insulin is given; its absence proves nothing, so otherwise not known. */
    public YesNoUnknown insulin() {
        for (Source source : of("MedicationStatement", "MedicationRequest")) {
            String name = text(source.resource().path("medicationCodeableConcept"));
            if (name != null && name.toLowerCase(Locale.ROOT).contains("insulin")
                    && current(source.resource().path("status").asString("active"))) {
                return YesNoUnknown.YES;
            }
        }
        return YesNoUnknown.NOT_KNOWN;
    }

    /**
     * Allergies from AllergyIntolerance, by SNOMED CT substance code ({@link ClinicalCodes.Allergen}) or else by the
     * allergen's name, as the form and HL7 AL1 class them. A refuted or entered-in-error one, or one no longer
     * active, is not read.
     */
    public List<ReferralDetails.Allergy> allergies() {
        List<ReferralDetails.Allergy> found = new ArrayList<>();
        for (Source source : of("AllergyIntolerance")) {
            JsonNode allergy = source.resource();
            String verification = allergy.path("verificationStatus").path("coding").path(0).path("code").asString("confirmed");
            String clinical = allergy.path("clinicalStatus").path("coding").path(0).path("code").asString("active");
            if (verification.equals("refuted") || verification.equals("entered-in-error") || !clinical.equals("active")) {
                continue;
            }
            String name = text(allergy.path("code"));
            Optional<ClinicalCodes.Allergen> coded = Optional.empty();
            for (JsonNode coding : allergy.path("code").path("coding")) {
                coded = coded.or(() -> ClinicalCodes.SNOMED.equals(coding.path("system").asString(""))
                        ? ClinicalCodes.allergen(coding.path("code").asString("")) : Optional.empty());
            }
            if (name == null && coded.isEmpty()) {
                continue;
            }
            List<String> reactions = new ArrayList<>();
            for (JsonNode reaction : allergy.path("reaction")) {
                for (JsonNode manifestation : reaction.path("manifestation")) {
                    Optional.ofNullable(text(manifestation)).ifPresent(reactions::add);
                }
            }
            String agent = name != null ? name : coded.get().agent();
            found.add(new ReferralDetails.Allergy(coded.map(ClinicalCodes.Allergen::category)
                    .orElseGet(() -> ClinicalCodes.allergyCategory(agent)), agent,
                    reactions.isEmpty() ? "not stated by the sending system" : String.join(", ", reactions)));
        }
        return found;
    }

    /** Diabetes from an active Condition (SNOMED CT or ICD-10, the shared table); null when none names it. */
    public DiabetesType diabetes() {
        DiabetesType found = null;
        for (Source source : of("Condition")) {
            if (!active(source.resource())) {
                continue;
            }
            for (JsonNode coding : source.resource().path("code").path("coding")) {
                DiabetesType type = ClinicalCodes.diabetes(coding.path("code").asString(""));
                if (type == DiabetesType.TYPE_1) {
                    return type;
                }
                if (type == DiabetesType.TYPE_2 || (type == DiabetesType.OTHER && found == null)) {
                    found = type;
                }
            }
        }
        return found;
    }

    /**
     * Pregnancy status: LOINC 82810-3 with a LOINC or SNOMED CT answer, or an active Condition "pregnant"
     * (77386006); null when nothing says, which the intake records as not recorded, never as not pregnant.
     */
    public PregnancyPossibility pregnancy() {
        for (Source source : observations()) {
            if (!hasCode(source.resource().path("code"), ClinicalCodes.LOINC, List.of(ClinicalCodes.PREGNANCY_STATUS))) {
                continue;
            }
            for (JsonNode coding : source.resource().path("valueCodeableConcept").path("coding")) {
                Optional<PregnancyPossibility> answer = ClinicalCodes.pregnancyStatus(coding.path("code").asString(""));
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        }
        for (Source source : of("Condition")) {
            if (active(source.resource())
                    && hasCode(source.resource().path("code"), ClinicalCodes.SNOMED, List.of(ClinicalCodes.SNOMED_PREGNANT))) {
                return PregnancyPossibility.PREGNANT;
            }
        }
        return null;
    }

    /** LOINC 8665-2: the start of the last menstrual period (valueDateTime), the latest given. */
    public LocalDate lastMenstrualPeriod() {
        LocalDate found = null;
        for (Source source : observations()) {
            JsonNode observation = source.resource();
            String value = observation.path("valueDateTime").asString(null);
            if (value != null && hasCode(observation.path("code"), ClinicalCodes.LOINC,
                    ClinicalCodes.Measured.LAST_MENSTRUAL_PERIOD.loinc())) {
                LocalDate date = date(value, source.path() + ".valueDateTime");
                found = found == null || date.isAfter(found) ? date : found;
            }
        }
        return found;
    }

    /**
     * A yes/no question: an Observation coded with one of its SNOMED CT codes answering valueBoolean or a SNOMED CT
     * yes/no/unknown, or an active Condition with one of them ("yes"). Not known when nothing answers it.
     */
    public YesNoUnknown answer(ClinicalCodes.Question question) {
        if (question.snomed().isEmpty()) {
            return YesNoUnknown.NOT_KNOWN;
        }
        for (Source source : of("Condition")) {
            if (active(source.resource()) && hasCode(source.resource().path("code"), ClinicalCodes.SNOMED, question.snomed())) {
                return YesNoUnknown.YES;
            }
        }
        for (Source source : observations()) {
            JsonNode observation = source.resource();
            if (!hasCode(observation.path("code"), ClinicalCodes.SNOMED, question.snomed())) {
                continue;
            }
            if (observation.path("valueBoolean").isBoolean()) {
                return YesNoUnknown.of(observation.path("valueBoolean").booleanValue());
            }
            for (JsonNode coding : observation.path("valueCodeableConcept").path("coding")) {
                Optional<YesNoUnknown> answer = ClinicalCodes.answerCode(coding.path("code").asString(""));
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        }
        return YesNoUnknown.NOT_KNOWN;
    }

    /** The most recent final result with one of the fact's LOINC codes; an undated one only when none is dated. */
    public Optional<Result> latest(ClinicalCodes.Measured fact) {
        List<Result> results = new ArrayList<>();
        for (Source source : observations()) {
            JsonNode observation = source.resource();
            JsonNode quantity = observation.path("valueQuantity");
            if (!hasCode(observation.path("code"), ClinicalCodes.LOINC, fact.loinc()) || !quantity.path("value").isNumber()) {
                continue;
            }
            String when = observation.path("effectiveDateTime").asString(observation.path("effectivePeriod").path("start").asString(null));
            results.add(new Result(number(quantity.path("value"), source.path() + ".valueQuantity.value"), quantity.path("code").asString(quantity.path("unit").asString(null)),
                    date(when, source.path() + ".effectiveDateTime")));
        }
        return results.stream().max(Comparator.comparing(Result::date, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** Observations that count: not entered in error, cancelled or preliminary. */
    private List<Source> observations() {
        return of("Observation").stream().filter(s -> {
            String status = s.resource().path("status").asString("final");
            return !status.equals("entered-in-error") && !status.equals("cancelled") && !status.equals("preliminary");
        }).toList();
    }

    private List<Source> of(String... types) {
        return sources.stream().filter(s -> List.of(types).contains(s.resource().path("resourceType").asString(""))).toList();
    }

    /** A medicine still taken: active, intended or on hold; "unknown" too, since not knowing is not stopping. */
    private static boolean current(String status) {
        return status.equals("active") || status.equals("intended") || status.equals("on-hold") || status.equals("unknown");
    }

    private static boolean active(JsonNode condition) {
        String status = condition.path("clinicalStatus").path("coding").path(0).path("code").asString("active");
        String verification = condition.path("verificationStatus").path("coding").path(0).path("code").asString("confirmed");
        return (status.equals("active") || status.equals("recurrence") || status.equals("relapse"))
                && !verification.equals("refuted") && !verification.equals("entered-in-error");
    }

    private static boolean hasCode(JsonNode concept, String system, List<String> codes) {
        for (JsonNode coding : concept.path("coding")) {
            if (system.equals(coding.path("system").asString("")) && codes.contains(coding.path("code").asString(""))) {
                return true;
            }
        }
        return false;
    }

    private static DoseFrequency frequency(JsonNode repeat) {
        int perPeriod = repeat.path("frequency").asInt(1);
        double period = repeat.path("period").asDouble(1);
        String unit = repeat.path("periodUnit").asString("d");
        if (repeat.isMissingNode() || !unit.equals("d") || period != 1) {
            int times = repeat.path("timeOfDay").size();
            return times >= 1 && times <= 3
                    ? List.of(DoseFrequency.ONCE_DAILY, DoseFrequency.TWICE_DAILY, DoseFrequency.THREE_TIMES_DAILY).get(times - 1)
                    : DoseFrequency.OTHER;
        }
        return switch (perPeriod) {
            case 1 -> DoseFrequency.ONCE_DAILY;
            case 2 -> DoseFrequency.TWICE_DAILY;
            case 3 -> DoseFrequency.THREE_TIMES_DAILY;
            default -> DoseFrequency.OTHER;
        };
    }

    private static String text(JsonNode concept) {
        if (concept.path("text").isString()) {
            return concept.path("text").asString("");
        }
        for (JsonNode coding : concept.path("coding")) {
            if (coding.path("display").isString()) {
                return coding.path("display").asString("");
            }
        }
        return null;
    }

    /**
     * A JSON number as a double. One no double holds (1e400, a 400-digit integer) is refused under {@code path}:
     * read as infinity it would fail later, far from the input.
     */
    private static double number(JsonNode node, String path) {
        double value;
        try {
            value = node.asDouble();
        } catch (RuntimeException tooLarge) {
            value = Double.POSITIVE_INFINITY;
        }
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(path, "is a number too large to read");
        }
        return value;
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    /** A FHIR date or dateTime's day; anything else is refused under {@code path}. */
    public static LocalDate date(String value, String path) {
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
