package org.synovia.hl7;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.synovia.catalogue.InjectionSite;
import org.synovia.patient.NewPatient;
import org.synovia.patient.PostalAddress;
import org.synovia.referral.AllergyCategory;
import org.synovia.referral.ClinicalCodes;
import org.synovia.referral.ClinicalCodes.Question;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Indication;
import org.synovia.referral.Intent;
import org.synovia.referral.PregnancyPossibility;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferrerSetting;
import org.synovia.referral.RequestedInjectate;
import org.synovia.referral.Urgency;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Laterality;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Sex;
import org.synovia.shared.YesNoUnknown;

import ca.uhn.hl7v2.model.Segment;

/**
 * Reads an order message (ORM^O01 or OMG^O19) into the patient and the referral details the form would
 * have produced. The questions the form asks that HL7 has no field for travel as ask-at-order-entry
 * answers in OBX segments under the order, coded in {@link #LOCAL_CODES}; laboratory values may use their
 * LOINC codes. The tables are in docs/integration/hl7v2.md. Nothing is guessed that the form would make the
 * referrer choose: a missing answer reaches {@code ReferralValidation}, whose message goes back in the ACK.
 */
final class OrderMapping {

    /** The coding system of our ask-at-order-entry questions (OBX-3.3). */
    static final String LOCAL_CODES = "SYNOVIA";
    static final String NHS_NUMBER_TYPE = "NH";
    static final String HOSPITAL_NUMBER_TYPE = "MR";
    private static final String NHS_NUMBER_OID = "2.16.840.1.113883.2.1.4.1";

    /** OBX-3 for a LOINC 82810-3 pregnancy status result, whose OBX-5 is a LOINC answer code. */
    static final String PREGNANCY_STATUS = "PREGNANCY_STATUS";

    private final Hl7Segments message;
    private final Function<String, Optional<InjectionSite>> sites;
    private final Map<String, List<Observation>> observations;

    /** One OBX answer: the code (local or translated from LOINC), its sub-ID grouping, value, units and date. */
    record Observation(String code, String subId, String value, String units, LocalDate date) {
    }

    /** What an order message says, before the patient is found or registered. */
    record MappedOrder(NewPatient patient, java.util.function.Function<java.util.UUID, ReferralDetails> details,
            String placerOrderNumber) {
    }

    private OrderMapping(Hl7Segments message, Function<String, Optional<InjectionSite>> sites) {
        this.message = message;
        this.sites = sites;
        this.observations = observations(message);
    }

    static MappedOrder read(Hl7Segments message, Function<String, Optional<InjectionSite>> sites) {
        return new OrderMapping(message, sites).order();
    }

    /** The patient in PID (and PD1 for the GP), as a registration would give it. */
    static NewPatient patient(Hl7Segments message) {
        Segment pid = message.first("PID").orElseThrow(() -> new Hl7Rejection(Hl7Rejection.Code.AE, "PID segment is missing"));
        String nhsNumber = null;
        String hospitalNumber = null;
        for (int rep = 0; rep < Hl7Segments.repetitions(pid, 3); rep++) {
            String id = Hl7Segments.value(pid, 3, rep, 1, 1);
            String authority = Hl7Segments.value(pid, 3, rep, 4, 1);
            String type = Hl7Segments.value(pid, 3, rep, 5, 1);
            if (id == null) {
                continue;
            }
            if (NHS_NUMBER_TYPE.equalsIgnoreCase(type) || "NHS".equalsIgnoreCase(authority) || NHS_NUMBER_OID.equals(authority)) {
                nhsNumber = id;
            } else if (type == null || HOSPITAL_NUMBER_TYPE.equalsIgnoreCase(type) || "PI".equalsIgnoreCase(type)) {
                hospitalNumber = hospitalNumber == null ? id : hospitalNumber;
            }
        }
        String mobile = null;
        String email = null;
        for (int rep = 0; rep < Hl7Segments.repetitions(pid, 13); rep++) {
            String equipment = Hl7Segments.value(pid, 13, rep, 3, 1);
            if ("CP".equalsIgnoreCase(equipment)) {
                String number = Hl7Segments.value(pid, 13, rep, 7, 1);
                mobile = number != null ? number : Hl7Segments.value(pid, 13, rep, 1, 1);
            } else if ("Internet".equalsIgnoreCase(equipment) || "X.400".equalsIgnoreCase(equipment)) {
                email = Hl7Segments.value(pid, 13, rep, 4, 1);
            }
        }
        String gpName = null;
        String gpPractice = null;
        Optional<Segment> pd1 = message.first("PD1");
        if (pd1.isPresent()) {
            gpPractice = Hl7Segments.value(pd1.get(), 3, 1);
            gpName = person(pd1.get(), 4, 0);
        }
        return new NewPatient(nhsNumber, hospitalNumber, Hl7Segments.value(pid, 5, 0, 1, 1), Hl7Segments.value(pid, 5, 0, 2, 1),
                Hl7Segments.date(Hl7Segments.value(pid, 7), "PID-7 (date of birth)"), sex(Hl7Segments.value(pid, 8)), mobile,
                email, gpName, gpPractice, address(pid));
    }

    /**
     * PID-11 (XAD) as the postal address, null when absent: the mailing address (type M) first, else home (H), else
     * one without a type. XAD-1 and XAD-2 are the first lines and XAD-4 (county) the next, XAD-3 the town, XAD-5 the
     * postcode. Other types (birth, office, temporary) are not where letters go.
     */
    static PostalAddress address(Segment pid) {
        int chosen = -1;
        int rank = Integer.MAX_VALUE;
        for (int rep = 0; rep < Hl7Segments.repetitions(pid, 11); rep++) {
            String type = Hl7Segments.value(pid, 11, rep, 7, 1);
            int rankOf = type == null ? 2 : "M".equalsIgnoreCase(type) ? 0 : "H".equalsIgnoreCase(type) ? 1 : Integer.MAX_VALUE;
            if (rankOf < rank) {
                chosen = rep;
                rank = rankOf;
            }
        }
        if (chosen < 0) {
            return null;
        }
        int rep = chosen;
        try {
            return PostalAddress.of(List.of(1, 2, 4).stream().map(c -> Hl7Segments.value(pid, 11, rep, c, 1))
                    .filter(v -> v != null).toList(), Hl7Segments.value(pid, 11, rep, 3, 1),
                    Hl7Segments.value(pid, 11, rep, 5, 1)).orElse(null);
        } catch (InvalidInputException e) {
            throw new Hl7Rejection(Hl7Rejection.Code.AE, "PID-11 (patient address): " + e.problems().stream()
                    .map(InvalidInputException.FieldProblem::message).collect(Collectors.joining(" ")));
        }
    }

    /** HL7 table 0001 to the NHS stated-gender codes the patient record holds. */
    static Sex sex(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "F" -> Sex.FEMALE;
            case "M" -> Sex.MALE;
            case "A", "O" -> Sex.INDETERMINATE;
            case "U", "N" -> Sex.NOT_KNOWN;
            default -> throw new Hl7Rejection(Hl7Rejection.Code.AE, "PID-8 (sex) must be F, M, A, O, U or N, not " + code);
        };
    }

    private MappedOrder order() {
        Segment orc = message.first("ORC").orElseThrow(() -> new Hl7Rejection(Hl7Rejection.Code.AE, "ORC segment is missing"));
        Segment obr = message.first("OBR").orElseThrow(() -> new Hl7Rejection(Hl7Rejection.Code.AE, "OBR segment is missing"));
        String control = Hl7Segments.value(orc, 1);
        if (!"NW".equalsIgnoreCase(control)) {
            throw new Hl7Rejection(Hl7Rejection.Code.AR, "ORC-1 order control " + (control == null ? "(empty)" : control)
                    + " is not supported; only NW (new order) is. Cancel or change a referral in Synovia.");
        }
        String placer = Hl7Segments.value(orc, 2);
        placer = placer != null ? placer : Hl7Segments.value(obr, 2);
        if (placer == null) {
            throw new Hl7Rejection(Hl7Rejection.Code.AE, "ORC-2 (placer order number) is required");
        }
        NewPatient patient = patient(message);
        InjectionSite site = site(obr);
        Laterality side = side(obr, site);
        java.util.function.Function<java.util.UUID, ReferralDetails> details = patientId -> new ReferralDetails(patientId, site == null ? Hl7Segments.value(obr, 4) : site.code(), side,
                text("SPINAL_LEVEL"), enumAnswer("INTENT", Intent.class), indication(), indicationDetail(), clinicalQuestion(obr),
                List.of(), List.of(), antithrombotics(), text("OTHER_MEDICINES"), noKnownAllergies(), allergies(),
                diabetes(), answer(Question.ON_INSULIN), integer("HBA1C_MMOL_MOL"), answer(Question.PROSTHESIS_AT_SITE),
                answer(Question.INFECTION_AT_SITE), answer(Question.SYSTEMIC_INFECTION), pregnancy(),
                decimal("WEIGHT_KG"), creatinine(), integer("EGFR"), renalTestDate(), urgency(orc, obr), referrer(orc, obr),
                Optional.ofNullable(enumAnswer("INJECTATE", RequestedInjectate.class))
                        .orElse(RequestedInjectate.RADIOLOGIST_TO_ADVISE),
                yes("RADICULAR_PAIN"), setting(), decimal("HEIGHT_CM"),
                new ReferralDetails.ThromboticRisk(answer(Question.MECHANICAL_HEART_VALVE), date("CORONARY_STENT_DATE"),
                        date("LAST_VTE_DATE"), date("LAST_STROKE_DATE")),
                answer(Question.SUSPECTED_SEPTIC_JOINT), answer(Question.PREVIOUS_CONTRAST_REACTION),
                answer(Question.OLDER_AGE), answer(Question.BLEEDING_TENDENCY), answer(Question.ADVANCED_LIVER_DISEASE),
                answer(Question.ADVANCED_RENAL_DISEASE), decimal("INR"), inrDate(), answer(Question.CHILDBEARING_POTENTIAL),
                date("LAST_MENSTRUAL_PERIOD"), yes("PREGNANCY_ASKED_PRIVATELY"), date("PLANNED_REPLACEMENT_DATE"),
                text("PLANNED_REPLACEMENT_SURGEON"), text("PLANNED_REPLACEMENT_SURGEON_EMAIL"));
        details.apply(null); // reads every field now, so that a bad one is refused before the patient is registered
        return new MappedOrder(patient, details, placer);
    }

    /** OBR-4.1 is a catalogue site code; with OBR-4.3 "SCT" it is the site's SNOMED CT body structure. */
    private InjectionSite site(Segment obr) {
        String code = Hl7Segments.value(obr, 4, 1);
        String system = Hl7Segments.value(obr, 4, 3);
        if (code == null) {
            return null;
        }
        if ("SCT".equalsIgnoreCase(system) || "SNOMED CT".equalsIgnoreCase(system)) {
            return sites.apply(SNOMED_PREFIX + code).orElseThrow(() -> new Hl7Rejection(Hl7Rejection.Code.AE,
                    "OBR-4 (site): SNOMED CT " + code + " is not an injection site in the catalogue"));
        }
        return sites.apply(code.toUpperCase(Locale.ROOT)).orElse(null);
    }

    /** Passed to the site lookup to ask for a SNOMED CT code rather than a catalogue code. */
    static final String SNOMED_PREFIX = "sct:";

    /** OBR-46.1 L, R or B (HL7 table 0495); none for a site without sides. */
    private static Laterality side(Segment obr, InjectionSite site) {
        String code = Hl7Segments.value(obr, 46, 1);
        if (code == null) {
            return site != null && !site.lateral() ? Laterality.NOT_APPLICABLE : null;
        }
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "L" -> Laterality.LEFT;
            case "R" -> Laterality.RIGHT;
            case "B", "BI" -> Laterality.BILATERAL;
            case "N", "NA" -> Laterality.NOT_APPLICABLE;
            default -> throw new Hl7Rejection(Hl7Rejection.Code.AE, "OBR-46 (side) must be L, R, B or N, not " + code);
        };
    }

    /** OBX INDICATION, else the first DG1 ICD-10 code's chapter (M15-M19 osteoarthritis, …). */
    private Indication indication() {
        Indication answered = enumAnswer("INDICATION", Indication.class);
        if (answered != null) {
            return answered;
        }
        for (Segment dg1 : message.all("DG1")) {
            Indication fromCode = Icd10.indication(Hl7Segments.value(dg1, 3, 1));
            if (fromCode != null) {
                return fromCode;
            }
        }
        return message.all("DG1").isEmpty() ? null : Indication.OTHER;
    }

    private String indicationDetail() {
        String detail = text("INDICATION_DETAIL");
        if (detail != null) {
            return detail;
        }
        return message.all("DG1").stream().map(dg1 -> Optional.ofNullable(Hl7Segments.value(dg1, 4))
                .orElse(Hl7Segments.value(dg1, 3, 2))).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** OBR-31 (reason for study) and the order's NTE comments, in that order. */
    private String clinicalQuestion(Segment obr) {
        List<String> parts = new ArrayList<>();
        String reason = Hl7Segments.value(obr, 31, 2);
        reason = reason != null ? reason : Hl7Segments.value(obr, 31, 1);
        if (reason != null) {
            parts.add(reason);
        }
        for (Segment nte : message.allAfter("NTE", "ORC")) {
            for (int rep = 0; rep < Hl7Segments.repetitions(nte, 3); rep++) {
                String comment = Hl7Segments.value(nte, 3, rep, 1, 1);
                if (comment != null) {
                    parts.add(comment);
                }
            }
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    /** AL1-3 "NKA" (or the words "no known allergies") is the explicit statement the form asks for. */
    private boolean noKnownAllergies() {
        return message.all("AL1").stream().anyMatch(OrderMapping::statesNoKnownAllergies);
    }

    private static boolean statesNoKnownAllergies(Segment al1) {
        String code = Hl7Segments.value(al1, 3, 1);
        String text = Hl7Segments.value(al1, 3, 2);
        return "NKA".equalsIgnoreCase(code) || "NKDA".equalsIgnoreCase(code)
                || (text != null && text.toLowerCase(Locale.ROOT).startsWith("no known"));
    }

    private List<ReferralDetails.Allergy> allergies() {
        List<ReferralDetails.Allergy> found = new ArrayList<>();
        for (Segment al1 : message.all("AL1")) {
            if (statesNoKnownAllergies(al1)) {
                continue;
            }
            String code = Hl7Segments.value(al1, 3, 1);
            Optional<ClinicalCodes.Allergen> coded = "SCT".equalsIgnoreCase(Hl7Segments.value(al1, 3, 3))
                    ? ClinicalCodes.allergen(code) : Optional.empty();
            String agent = Optional.ofNullable(Hl7Segments.value(al1, 3, 2))
                    .orElse(coded.map(ClinicalCodes.Allergen::agent).orElse(code));
            List<String> reactions = new ArrayList<>();
            for (int rep = 0; rep < Hl7Segments.repetitions(al1, 5); rep++) {
                String reaction = Hl7Segments.value(al1, 5, rep, 1, 1);
                if (reaction != null) {
                    reactions.add(reaction);
                }
            }
            found.add(new ReferralDetails.Allergy(coded.map(ClinicalCodes.Allergen::category).orElse(allergyCategory(agent)), agent,
                    reactions.isEmpty() ? "not stated by the sending system" : String.join(", ", reactions)));
        }
        return found;
    }

    /** The referral's allergy class for an allergen's name, through the shared table (as FHIR and the form class it). */
    static AllergyCategory allergyCategory(String agent) {
        return ClinicalCodes.allergyCategory(agent);
    }

    /** OBX DIABETES, else a DG1 ICD-10 E10 (type 1), E11 (type 2), E13/E14 (other). */
    private DiabetesType diabetes() {
        DiabetesType answered = enumAnswer("DIABETES", DiabetesType.class);
        if (answered != null) {
            return answered;
        }
        return message.all("DG1").stream().map(dg1 -> Icd10.diabetes(Hl7Segments.value(dg1, 3, 1)))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * OBX PREGNANCY, else a LOINC 82810-3 pregnancy status (LA15173-0, LA26683-5, LA4489-6 or SNOMED CT 77386006,
     * 60001007). No answer is "not recorded" whatever PID-8 says: never "not applicable" or "not pregnant" by
     * assumption (HAZ-88); the engine then asks for the enquiry where X-ray or CT is planned.
     */
    private PregnancyPossibility pregnancy() {
        PregnancyPossibility answered = enumAnswer("PREGNANCY", PregnancyPossibility.class);
        if (answered == null) {
            answered = first(PREGNANCY_STATUS).flatMap(o -> ClinicalCodes.pregnancyStatus(o.value())).orElse(null);
        }
        return answered != null ? answered : PregnancyPossibility.NOT_RECORDED;
    }

    /** The creatinine in µmol/L, converted from mg/dL when OBX-6 says so (LOINC 2160-0). */
    private Integer creatinine() {
        Optional<Observation> result = first("CREATININE_UMOL_L");
        if (result.isEmpty()) {
            return null;
        }
        BigDecimal value = decimal("CREATININE_UMOL_L");
        return (int) Math.round(ClinicalCodes.creatinineUmolPerL(value.doubleValue(), result.get().units()));
    }

    /** OBX INR_DATE, else the INR result's own OBX-14. */
    private LocalDate inrDate() {
        LocalDate given = date("INR_DATE");
        return given != null ? given : first("INR").map(Observation::date).orElse(null);
    }

    /**
     * A yes/no question: Y, N, U (not known) or the SNOMED CT answers 373066001, 373067005, 261665006; a question
     * not sent is not known, never no.
     */
    private YesNoUnknown answer(Question question) {
        String value = text(question.localCode());
        Optional<YesNoUnknown> coded = ClinicalCodes.answerCode(value);
        if (coded.isPresent()) {
            return coded.get();
        }
        try {
            return ClinicalCodes.answer(value, "OBX " + question.localCode());
        } catch (InvalidInputException e) {
            throw new Hl7Rejection(Hl7Rejection.Code.AE, "OBX " + question.localCode() + " must be Y, N or U, not "
                    + text(question.localCode()));
        }
    }

    private LocalDate renalTestDate() {
        LocalDate given = date("RENAL_TEST_DATE");
        if (given != null) {
            return given;
        }
        return first("EGFR").or(() -> first("CREATININE_UMOL_L")).map(Observation::date).orElse(null);
    }

    /** TQ1-9, else OBR-27.6 or ORC-7.6: S (stat) urgent, A (ASAP) soon, R or none routine (HL7 table 0027's default). */
    private Urgency urgency(Segment orc, Segment obr) {
        String priority = message.first("TQ1").map(tq1 -> Hl7Segments.value(tq1, 9, 1)).orElse(null);
        priority = priority != null ? priority : Hl7Segments.value(obr, 27, 6);
        priority = priority != null ? priority : Hl7Segments.value(orc, 7, 6);
        if (priority == null) {
            return Urgency.ROUTINE;
        }
        return switch (priority.toUpperCase(Locale.ROOT)) {
            case "S" -> Urgency.URGENT;
            case "A", "P" -> Urgency.SOON;
            case "R", "T" -> Urgency.ROUTINE;
            default -> throw new Hl7Rejection(Hl7Rejection.Code.AE, "TQ1-9 (priority) must be S, A or R, not " + priority);
        };
    }

    /** ORC-12 (else OBR-16) names the referrer; ORC-21 (else ORC-17, else MSH-4) the organisation; ORC-14 phone and email. */
    private ReferralDetails.Referrer referrer(Segment orc, Segment obr) {
        String name = Optional.ofNullable(person(orc, 12, 0)).orElse(person(obr, 16, 0));
        String organisation = Hl7Segments.value(orc, 21, 1);
        organisation = organisation != null ? organisation : Hl7Segments.value(orc, 17, 2);
        organisation = organisation != null ? organisation
                : message.first("MSH").map(msh -> Hl7Segments.value(msh, 4, 1)).orElse(null);
        String phone = null;
        String email = null;
        for (int rep = 0; rep < Hl7Segments.repetitions(orc, 14); rep++) {
            String address = Hl7Segments.value(orc, 14, rep, 4, 1);
            String number = Optional.ofNullable(Hl7Segments.value(orc, 14, rep, 1, 1)).orElse(Hl7Segments.value(orc, 14, rep, 7, 1));
            if (address != null) {
                email = email == null ? address : email;
            } else if (number != null) {
                phone = phone == null ? number : phone;
            }
        }
        return new ReferralDetails.Referrer(name, text("REFERRER_ROLE"), organisation, phone, email);
    }

    /** OBX REFERRER_SETTING, else a hospital encounter in PV1-2 (I, O, E, P) is secondary care. */
    private ReferrerSetting setting() {
        ReferrerSetting answered = enumAnswer("REFERRER_SETTING", ReferrerSetting.class);
        if (answered != null) {
            return answered;
        }
        String patientClass = message.first("PV1").map(pv1 -> Hl7Segments.value(pv1, 2)).orElse(null);
        return patientClass != null && List.of("I", "O", "E", "P").contains(patientClass.toUpperCase(Locale.ROOT))
                ? ReferrerSetting.SECONDARY_CARE : null;
    }

    /** Blood thinners: OBX ANTITHROMBOTIC with its DOSE, FREQUENCY and TIMES answers sharing its OBX-4 sub-ID. */
    private List<ReferralDetails.AntithromboticMedicine> antithrombotics() {
        List<ReferralDetails.AntithromboticMedicine> medicines = new ArrayList<>();
        for (Observation drug : observations.getOrDefault("ANTITHROMBOTIC", List.of())) {
            Antithrombotic which = Optional.ofNullable(ClinicalCodes.antithrombotic(drug.value(), null, null))
                    .filter(d -> drug.value().chars().allMatch(Character::isDigit))
                    .orElseGet(() -> parse(Antithrombotic.class, drug.value(), "ANTITHROMBOTIC"));
            medicines.add(new ReferralDetails.AntithromboticMedicine(which, grouped("ANTITHROMBOTIC_DOSE", drug.subId()),
                    Optional.ofNullable(grouped("ANTITHROMBOTIC_FREQUENCY", drug.subId()))
                            .map(f -> parse(DoseFrequency.class, f, "ANTITHROMBOTIC_FREQUENCY")).orElse(null),
                    grouped("ANTITHROMBOTIC_TIMES", drug.subId())));
        }
        return medicines;
    }

    private String grouped(String code, String subId) {
        return observations.getOrDefault(code, List.of()).stream()
                .filter(o -> java.util.Objects.equals(o.subId(), subId)).map(Observation::value).findFirst().orElse(null);
    }

    private Optional<Observation> first(String code) {
        return observations.getOrDefault(code, List.of()).stream().findFirst();
    }

    private String text(String code) {
        return first(code).map(Observation::value).orElse(null);
    }

    private boolean yes(String code) {
        String value = text(code);
        if (value == null) {
            return false;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "Y", "YES", "TRUE" -> true;
            case "N", "NO", "FALSE" -> false;
            default -> throw new Hl7Rejection(Hl7Rejection.Code.AE, "OBX " + code + " must be Y or N, not " + value);
        };
    }

    private Integer integer(String code) {
        BigDecimal value = decimal(code);
        if (value == null) {
            return null;
        }
        return value.setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
    }

    private BigDecimal decimal(String code) {
        String value = text(code);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replaceFirst("^[<>]=?", ""));
        } catch (NumberFormatException e) {
            throw new Hl7Rejection(Hl7Rejection.Code.AE, "OBX " + code + " must be a number, not " + value);
        }
    }

    private LocalDate date(String code) {
        return Hl7Segments.date(text(code), "OBX " + code);
    }

    private <E extends Enum<E>> E enumAnswer(String code, Class<E> type) {
        String value = text(code);
        return value == null ? null : parse(type, value, code);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String code) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new Hl7Rejection(Hl7Rejection.Code.AE, "OBX " + code + " must be one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                    + ", not " + value);
        }
    }

    private static String person(Segment segment, int field, int rep) {
        String family = Hl7Segments.value(segment, field, rep, 2, 1);
        if (family == null) {
            return null;
        }
        String given = Hl7Segments.value(segment, field, rep, 3, 1);
        String prefix = Hl7Segments.value(segment, field, rep, 6, 1);
        return ((prefix == null ? "" : prefix + " ") + (given == null ? "" : given + " ") + family).strip();
    }

    /**
     * A LOINC- or SNOMED CT-coded OBX by the local code of the fact it carries (one table: ClinicalCodes); other
     * LOINC and SNOMED CT codes are ignored. NTE comments are never read here: they are free text only.
     */
    private static String loincKey(String code, String system) {
        if (ClinicalCodes.PREGNANCY_STATUS.equals(code)) {
            return PREGNANCY_STATUS;
        }
        Optional<ClinicalCodes.Measured> measured = ClinicalCodes.byLoinc(code);
        if (measured.isPresent()) {
            return measured.get().localCode();
        }
        if ("SCT".equalsIgnoreCase(system)) {
            return ClinicalCodes.questionBySnomed(code).map(Question::localCode).orElse(null);
        }
        return "LN".equalsIgnoreCase(system) ? null : code.toUpperCase(Locale.ROOT);
    }

    private static Map<String, List<Observation>> observations(Hl7Segments message) {
        Map<String, List<Observation>> found = new LinkedHashMap<>();
        for (Segment obx : message.all("OBX")) {
            String code = Hl7Segments.value(obx, 3, 1);
            String system = Hl7Segments.value(obx, 3, 3);
            if (code == null) {
                continue;
            }
            String key = loincKey(code, system);
            if (key == null) {
                continue;
            }
            found.computeIfAbsent(key, k -> new ArrayList<>()).add(new Observation(key, Hl7Segments.value(obx, 4),
                    Hl7Segments.value(obx, 5), Hl7Segments.value(obx, 6, 1),
                    Hl7Segments.date(Hl7Segments.value(obx, 14), "OBX-14 of " + key)));
        }
        return found;
    }
}
