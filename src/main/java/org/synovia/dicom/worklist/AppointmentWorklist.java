package org.synovia.dicom.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.Bookings;
import org.synovia.catalogue.Catalogue;
import org.synovia.dicom.DicomProperties;
import org.synovia.dicom.DicomStations;
import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DicomFormatException;
import org.synovia.dicom.encoding.Tag;
import org.synovia.dicom.net.FindService;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Slot;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;
import org.synovia.vetting.AcceptedProtocols;

/**
 * Booked appointments with image guidance, as scheduled procedure steps for modalities (ADR 0025). Landmark
 * injections need no modality and are left out; cancelled, moved and missed appointments leave at once, as
 * every query reads the bookings afresh (HAZ-63). Each query is audited with the asking AE title and the
 * appointments it was given (HAZ-62).
 */
@Service
class AppointmentWorklist implements FindService {

    /** The widest date range one query may cover, so that one query cannot read years of bookings. */
    static final int MAX_RANGE_DAYS = 366;

    private final Bookings bookings;
    private final Referrals referrals;
    private final Patients patients;
    private final Catalogue catalogue;
    private final AcceptedProtocols protocols;
    private final DicomStations stations;
    private final WorklistNumbers numbers;
    private final AuditTrail audit;
    private final DicomProperties properties;
    private final Clock clock;

    AppointmentWorklist(Bookings bookings, Referrals referrals, Patients patients, Catalogue catalogue,
            AcceptedProtocols protocols, DicomStations stations, WorklistNumbers numbers, AuditTrail audit,
            DicomProperties properties, Clock clock) {
        this.bookings = bookings;
        this.referrals = referrals;
        this.patients = patients;
        this.catalogue = catalogue;
        this.protocols = protocols;
        this.stations = stations;
        this.numbers = numbers;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<Dataset> find(Dataset identifier, String callingAeTitle) throws DicomFormatException {
        Attributes query = Attributes.of(identifier);
        LocalDate[] window = window(query);
        List<Dataset> answers = new ArrayList<>();
        List<String> given = new ArrayList<>();
        java.util.Set<java.util.UUID> patientIds = new java.util.HashSet<>();
        for (ScheduledStep step : steps(window[0], window[1], stepKeys(query))) {
            Attributes entity = step.attributes();
            if (Matching.matches(query, entity)) {
                if (answers.size() >= properties.maxMatches()) {
                    break;
                }
                answers.add(Matching.project(query, entity).toDataset());
                given.add(step.accessionNumber() + "=" + step.appointmentId());
                patientIds.add(step.patientUuid());
            }
        }
        audit.record(AuditAction.SEARCH, "DicomWorklist", null, patientIds.size() == 1 ? patientIds.iterator().next() : null,
                "modality worklist query from AE " + callingAeTitle + " for " + window[0] + " to " + window[1] + ": "
                        + answers.size() + " steps " + String.join(",", given));
        return answers;
    }

    /** The days the query's scheduled start date covers, or the configured window around today. */
    LocalDate[] window(Attributes query) throws DicomFormatException {
        LocalDate today = LocalDate.now(clock);
        List<Attributes> steps = query.items(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE);
        String date = steps == null || steps.isEmpty() ? null : steps.getFirst().text(Tag.SCHEDULED_PROCEDURE_STEP_START_DATE);
        if (date == null || date.isEmpty() || date.equals("*")) {
            return new LocalDate[] { today.minusDays(properties.windowDaysBack()), today.plusDays(properties.windowDaysAhead()) };
        }
        LocalDateTime[] range = Matching.dateRange(date);
        LocalDate from = range[0] == null ? range[1].toLocalDate().minusDays(MAX_RANGE_DAYS) : range[0].toLocalDate();
        LocalDate to = range[1] == null ? from.plusDays(MAX_RANGE_DAYS) : range[1].toLocalDate();
        if (to.isBefore(from)) {
            throw new DicomFormatException("Date range '" + date + "' ends before it starts");
        }
        if (from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw new DicomFormatException("Date range '" + date + "' is longer than " + MAX_RANGE_DAYS + " days");
        }
        return new LocalDate[] { from, to };
    }

    /**
     * The keys of the query's scheduled step item that can be matched before the patient and referral are read,
     * so that a machine asking for its own room does not cause other rooms' patients to be read (and audited).
     */
    private static Attributes stepKeys(Attributes query) {
        List<Attributes> items = query.items(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE);
        return items == null || items.isEmpty() ? new Attributes() : items.getFirst().only(EARLY_KEYS);
    }

    private static final java.util.Set<Integer> EARLY_KEYS = java.util.Set.of(Tag.MODALITY, Tag.SCHEDULED_STATION_AE_TITLE,
            Tag.SCHEDULED_PROCEDURE_STEP_START_DATE, Tag.SCHEDULED_PROCEDURE_STEP_START_TIME);

    private List<ScheduledStep> steps(LocalDate from, LocalDate to, Attributes stepKeys) throws DicomFormatException {
        Map<java.util.UUID, String> titles = stations.titlesByRoom();
        List<ScheduledStep> steps = new ArrayList<>();
        for (Appointment appointment : bookings.booked(from, to)) {
            Optional<Guidance> guidance = protocols.forReferral(new ReferralId(appointment.referralId()))
                    .map(a -> a.protocol().guidance());
            Optional<String> modality = guidance.flatMap(this::modality);
            if (modality.isEmpty()) {
                continue;
            }
            Slot slot = bookings.slot(appointment).orElseThrow();
            LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), clock.getZone());
            String title = titles.getOrDefault(slot.roomId(), "");
            if (Matching.matches(stepKeys, ScheduledStep.earlyStep(modality.get(), title, start))) {
                steps.add(step(appointment, guidance.get(), modality.get(), slot, title, start));
            }
        }
        return steps;
    }

    private ScheduledStep step(Appointment appointment, Guidance guidance, String modality, Slot slot, String title,
            LocalDateTime start) {
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        Patient patient = patients.find(new PatientId(appointment.patientId())).orElseThrow();
        WorklistNumbers.Numbers ids = numbers.of(appointment.id());
        String site = catalogue.site(referral.details().siteCode()).map(s -> s.name()).orElse(referral.details().siteCode());
        Laterality side = referral.details().laterality();
        String procedure = site + (side == null || side == Laterality.NOT_APPLICABLE ? "" : " (" + side.label().toLowerCase() + ")");
        boolean hospitalNumber = patient.hospitalNumber() != null && !patient.hospitalNumber().isBlank();
        String nhsNumber = patient.nhsNumber() == null ? "" : patient.nhsNumber().value();
        var referrer = referral.details().referrer();
        return new ScheduledStep(appointment.id(), patient.id().value(),
                personName(patient.familyName(), patient.givenName()),
                hospitalNumber ? patient.hospitalNumber().strip() : nhsNumber,
                hospitalNumber ? properties.hospitalNumberIssuer() : "NHS",
                hospitalNumber ? nhsNumber : "",
                patient.dateOfBirth(), sex(patient.sex()), ids.accessionNumber(), ids.studyInstanceUid(),
                procedure + " injection", referrer == null || referrer.name() == null ? "" : referrer.name(),
                modality, title, slot.roomName(), start, slot.operatorName(),
                guidance.label() + " guided injection, " + procedure);
    }

    /** The modality a room's machine registers as (facts: US, RF or XA, CT); landmark guidance uses none. */
    Optional<String> modality(Guidance guidance) {
        return switch (guidance) {
            case ULTRASOUND -> Optional.of("US");
            case FLUOROSCOPY -> Optional.of(properties.fluoroscopyModality());
            case CT -> Optional.of("CT");
            case LANDMARK -> Optional.empty();
        };
    }

    static String personName(String family, String given) {
        String clean = (family == null ? "" : family.strip()) + "^" + (given == null ? "" : given.strip());
        return clean.replace("\\", "").replaceAll("\\^+$", "");
    }

    static String sex(Sex sex) {
        if (sex == null) {
            return "";
        }
        return switch (sex) {
            case FEMALE -> "F";
            case MALE -> "M";
            case INDETERMINATE -> "O";
            case NOT_KNOWN -> "";
        };
    }
}
