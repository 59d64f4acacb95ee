package org.synovia.hl7;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.catalogue.Catalogue;
import org.synovia.catalogue.InjectionSite;
import org.synovia.patient.NewPatient;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.PatientSearch;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.Referral;
import org.synovia.referral.Referrals;
import org.synovia.shared.InvalidInputException;

/**
 * Acts on one received message inside one transaction: an order becomes a referral (the patient found by
 * NHS or hospital number, or registered), an ADT^A08 replaces a known patient's demographics. The message
 * is logged as accepted in the same transaction, so the row and the referral exist together or not at
 * all; the caller acknowledges only after this returns, that is after the commit.
 */
@Service
class InboundMessages {

    /** Where each form field comes from in the message, so that a validation message names the HL7 field. */
    static final Map<String, String> HL7_PLACE = Map.ofEntries(
            Map.entry("nhsNumber", "PID-3 (NHS number)"), Map.entry("hospitalNumber", "PID-3 (hospital number)"),
            Map.entry("familyName", "PID-5.1"), Map.entry("givenName", "PID-5.2"), Map.entry("dateOfBirth", "PID-7"),
            Map.entry("sex", "PID-8"), Map.entry("mobile", "PID-13"), Map.entry("email", "PID-13"),
            Map.entry("gpName", "PD1-4"), Map.entry("gpPractice", "PD1-3"),
            Map.entry("siteCode", "OBR-4 (site)"), Map.entry("laterality", "OBR-46 (side)"),
            Map.entry("spinalLevel", "OBX SPINAL_LEVEL"), Map.entry("intent", "OBX INTENT"),
            Map.entry("indication", "OBX INDICATION or DG1-3"), Map.entry("indicationDetail", "OBX INDICATION_DETAIL or DG1-4"),
            Map.entry("clinicalQuestion", "OBR-31 or NTE-3"), Map.entry("otherMedicines", "OBX OTHER_MEDICINES"),
            Map.entry("noKnownAllergies", "AL1 (allergies, or AL1-3 NKA)"), Map.entry("diabetes", "OBX DIABETES or DG1-3 E10-E14"),
            Map.entry("takesInsulin", "OBX ON_INSULIN"), Map.entry("prostheticJointAtSite", "OBX PROSTHESIS_AT_SITE"),
            Map.entry("infectionAtSite", "OBX INFECTION_AT_SITE"), Map.entry("systemicInfection", "OBX SYSTEMIC_INFECTION"),
            Map.entry("suspectedSepticJoint", "OBX SUSPECTED_SEPTIC_JOINT"),
            Map.entry("previousContrastReaction", "OBX PREVIOUS_CONTRAST_REACTION"),
            Map.entry("mechanicalHeartValve", "OBX MECHANICAL_HEART_VALVE"), Map.entry("olderAge", "OBX OLDER_AGE"),
            Map.entry("bleedingTendency", "OBX BLEEDING_TENDENCY"), Map.entry("advancedLiverDisease", "OBX ADVANCED_LIVER_DISEASE"),
            Map.entry("advancedRenalDisease", "OBX ADVANCED_RENAL_DISEASE"),
            Map.entry("inrValue", "OBX INR (LOINC 6301-6, 34714-6)"), Map.entry("inrDate", "OBX INR_DATE or OBX-14 of the INR"),
            Map.entry("childbearingPotential", "OBX CHILDBEARING_POTENTIAL"),
            Map.entry("lastMenstrualPeriod", "OBX LAST_MENSTRUAL_PERIOD (LOINC 8665-2)"),
            Map.entry("pregnancyAskedPrivately", "OBX PREGNANCY_ASKED_PRIVATELY"),
            Map.entry("plannedReplacementDate", "OBX PLANNED_REPLACEMENT_DATE"),
            Map.entry("plannedReplacementSurgeonName", "OBX PLANNED_REPLACEMENT_SURGEON"),
            Map.entry("plannedReplacementSurgeonEmail", "OBX PLANNED_REPLACEMENT_SURGEON_EMAIL"), Map.entry("hba1cMmolPerMol", "OBX HBA1C_MMOL_MOL (LOINC 59261-8)"),
            Map.entry("pregnancy", "OBX PREGNANCY or LOINC 82810-3"), Map.entry("weightKg", "OBX WEIGHT_KG (LOINC 29463-7)"),
            Map.entry("heightCm", "OBX HEIGHT_CM (LOINC 8302-2)"),
            Map.entry("creatinineUmolPerL", "OBX CREATININE_UMOL_L (LOINC 14682-9, 2160-0)"), Map.entry("egfr", "OBX EGFR (LOINC 33914-3)"),
            Map.entry("renalTestDate", "OBX-14 of the renal result"), Map.entry("urgency", "TQ1-9"),
            Map.entry("requestedInjectate", "OBX INJECTATE"), Map.entry("referrerSetting", "OBX REFERRER_SETTING or PV1-2"),
            Map.entry("referrerName", "ORC-12 (ordering provider)"), Map.entry("referrerOrganisation", "ORC-21 (ordering facility)"),
            Map.entry("referrerPhone", "ORC-14"), Map.entry("referrerEmail", "ORC-14.4"), Map.entry("radicularPain", "OBX RADICULAR_PAIN"),
            Map.entry("antithrombotics", "OBX ANTITHROMBOTIC_*"), Map.entry("allergies", "AL1"),
            Map.entry("patientId", "PID"));

    private final Patients patients;
    private final Referrals referrals;
    private final Catalogue catalogue;
    private final InboundLog log;
    private final Clock clock;

    InboundMessages(Patients patients, Referrals referrals, Catalogue catalogue, InboundLog log, Clock clock) {
        this.patients = patients;
        this.referrals = referrals;
        this.catalogue = catalogue;
        this.log = log;
        this.clock = clock;
    }

    /** What an accepted message did, for MSA-3 and the log. */
    record Accepted(String outcome, UUID referralId, UUID patientId) {
    }

    @Transactional
    Accepted order(InboundLog.Header header, Hl7Segments message, String raw) {
        Optional<InboundLog.Accepted> earlier = log.acceptedEarlier(header);
        if (earlier.isPresent()) {
            return resent(header, raw, earlier.get());
        }
        OrderMapping.MappedOrder order = OrderMapping.read(message, this::site);
        try {
            Patient patient = patient(order.patient());
            UUID submissionKey = submissionKey(header, order.placerOrderNumber());
            Referral referral = referrals.submit(submissionKey, withPatient(order, patient));
            if (!referral.details().patientId().equals(patient.id().value())) {
                throw new Hl7Rejection(Hl7Rejection.Code.AE, "ORC-2: placer order number " + order.placerOrderNumber()
                        + " was already used by this sender for another patient; nothing was stored");
            }
            String outcome = "referral " + referral.id() + " for patient " + patient.id() + " (placer order "
                    + order.placerOrderNumber() + ")";
            log.insert(header, order.placerOrderNumber(), raw, "AA", outcome, referral.id().value(), patient.id().value(),
                    clock.instant());
            return new Accepted(outcome, referral.id().value(), patient.id().value());
        } catch (InvalidInputException e) {
            throw rejection(e);
        }
    }

    @Transactional
    Accepted demographics(InboundLog.Header header, Hl7Segments message, String raw) {
        Optional<InboundLog.Accepted> earlier = log.acceptedEarlier(header);
        if (earlier.isPresent()) {
            return resent(header, raw, earlier.get());
        }
        NewPatient details = OrderMapping.patient(message);
        Patient known = known(details).orElseThrow(() -> new Hl7Rejection(Hl7Rejection.Code.AE,
                "PID-3: no patient with this NHS or hospital number is registered; nothing was changed"));
        try {
            // The identifiers stay as registered; A08 changes the rest.
            NewPatient update = new NewPatient(known.nhsNumber() == null ? null : known.nhsNumber().value(),
                    known.hospitalNumber(), details.familyName(), details.givenName(), details.dateOfBirth(), details.sex(),
                    details.mobile() != null ? details.mobile() : known.mobile(),
                    details.email() != null ? details.email() : known.email(),
                    details.gpName() != null ? details.gpName() : known.gpName(),
                    details.gpPractice() != null ? details.gpPractice() : known.gpPractice(),
                    details.address() != null ? details.address() : known.address());
            patients.updateDemographics(known.id(), update, "HL7 ADT^A08 " + header.controlId());
        } catch (InvalidInputException e) {
            throw rejection(e);
        }
        String outcome = "demographics of patient " + known.id() + " updated";
        log.insert(header, null, raw, "AA", outcome, null, known.id().value(), clock.instant());
        return new Accepted(outcome, null, known.id().value());
    }

    /** Logs a message that was not acted on, in its own transaction (the work it attempted was rolled back). */
    @Transactional
    void rejected(InboundLog.Header header, String raw, String ackCode, String reason) {
        log.insert(header, null, raw, ackCode, reason, null, null, clock.instant());
    }

    private Accepted resent(InboundLog.Header header, String raw, InboundLog.Accepted earlier) {
        String outcome = "already accepted under control id " + header.controlId() + ": " + earlier.outcome();
        log.insert(header, null, raw, "AA", outcome, null, null, clock.instant());
        return new Accepted(outcome, earlier.referralId(), earlier.patientId());
    }

    /**
     * The same order (sender and placer order number) always has the same key, so that a resend under a new
     * control id returns the referral the first one made, as a double-clicked form does.
     */
    static UUID submissionKey(InboundLog.Header header, String placerOrderNumber) {
        String sender = (header.sendingApplication() == null ? "" : header.sendingApplication()) + "|"
                + (header.sendingFacility() == null ? "" : header.sendingFacility());
        return UUID.nameUUIDFromBytes(("hl7-order|" + sender + "|" + placerOrderNumber).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Found by NHS or hospital number, else registered. A patient with the same name and birth date but no
     * matching number is not guessed at; nor is a number whose registered birth date differs.
     */
    private Patient patient(NewPatient details) {
        Registration registration = patients.register(details, false);
        return switch (registration) {
            case Registration.Registered registered -> registered.patient();
            case Registration.AlreadyRegistered existing -> {
                if (details.dateOfBirth() != null && !details.dateOfBirth().equals(existing.existing().dateOfBirth())) {
                    throw new Hl7Rejection(Hl7Rejection.Code.AE, "PID-7: the " + existing.identifier()
                            + " belongs to a registered patient with another date of birth; check the identity");
                }
                yield existing.existing();
            }
            case Registration.PossibleDuplicates duplicates -> throw new Hl7Rejection(Hl7Rejection.Code.AE,
                    "PID-3: a patient with this name and date of birth is registered without this NHS or hospital number; "
                            + "send the NHS number, or match the patient in Synovia first");
        };
    }

    private Optional<Patient> known(NewPatient details) {
        for (String number : new String[] {details.nhsNumber(), details.hospitalNumber()}) {
            if (number == null) {
                continue;
            }
            Optional<Patient> match = patients.search(new PatientSearch(number, null)).stream()
                    .filter(p -> (p.nhsNumber() != null && p.nhsNumber().value().equals(number.replace(" ", "")))
                            || number.equalsIgnoreCase(p.hospitalNumber()))
                    .findFirst();
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    private Optional<InjectionSite> site(String code) {
        if (code.startsWith(OrderMapping.SNOMED_PREFIX)) {
            String snomed = code.substring(OrderMapping.SNOMED_PREFIX.length());
            return catalogue.sites().stream().filter(s -> snomed.equals(s.snomedCode())).findFirst();
        }
        return catalogue.site(code);
    }

    private static org.synovia.referral.ReferralDetails withPatient(OrderMapping.MappedOrder order, Patient patient) {
        return order.details().apply(patient.id().value());
    }

    /** Every problem, each under the HL7 field it came from: "OBR-46 (side): Say which side: left, right or both." */
    static Hl7Rejection rejection(InvalidInputException e) {
        return new Hl7Rejection(Hl7Rejection.Code.AE, e.problems().stream()
                .map(p -> HL7_PLACE.getOrDefault(p.field().replaceAll("\\[\\d+]\\..*", ""), p.field()) + ": " + p.message())
                .collect(Collectors.joining("; ")));
    }
}
