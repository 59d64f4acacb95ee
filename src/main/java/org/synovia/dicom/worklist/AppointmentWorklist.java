package org.synovia.dicom.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditEntry;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.BookedProcedure;
import org.synovia.booking.BookedProcedureQuery;
import org.synovia.booking.Bookings;
import org.synovia.dicom.DicomProperties;
import org.synovia.dicom.DicomStations;
import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DicomFormatException;
import org.synovia.dicom.encoding.Tag;
import org.synovia.dicom.net.FindService;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;

/**
 * Booked appointments with image guidance, as scheduled procedure steps for modalities (ADR 0025). Landmark
 * injections need no modality and are left out; cancelled, moved and missed appointments leave at once, as
 * every query reads the bookings afresh (HAZ-63). A query costs a fixed number of SQL statements however many
 * steps it finds (ADR 0047), and leaves one audit line per patient given, with the asking AE title and the
 * appointments (HAZ-62). A room's station is answered for its own room only; a title in
 * {@code synovia.dicom.all-rooms-ae-titles} for every room (ADR 0053).
 */
@Service
class AppointmentWorklist implements FindService {

    /** The widest date range one query may cover, so that one query cannot read years of bookings. */
    static final int MAX_RANGE_DAYS = 366;

    private static final String RECORD_TYPE = "DicomWorklist";
    /**
     * Built answers kept at most: a few machines' weeks of steps, each asked the same way, at 1–2 KB an answer.
     * Beyond it they are forgotten all at once.
     */
    static final int ANSWERS_KEPT_AT_MOST = 5_000;
    /**
     * Answers to a longer identifier (a machine's usual one is a few hundred characters) are built every time, so
     * that a caller sending large identifiers cannot fill the memory with them.
     */
    static final int LONGEST_IDENTIFIER_KEPT = 2_048;

    private final Bookings bookings;
    private final DicomStations stations;
    private final WorklistNumbers numbers;
    private final AuditTrail audit;
    private final DicomProperties properties;
    private final Clock clock;
    /** Answers are read-only once built (the association only encodes them), so queries may share them. */
    private final Map<AnswerKey, Optional<Dataset>> builtAnswers = new ConcurrentHashMap<>();

    AppointmentWorklist(Bookings bookings, DicomStations stations, WorklistNumbers numbers, AuditTrail audit,
            DicomProperties properties, Clock clock) {
        this.bookings = bookings;
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
        Map<UUID, String> titles = stations.titlesByRoom();
        List<BookedProcedure> booked = bookings.bookedProcedures(bookedQuery(query, window, titles, callingAeTitle));
        Map<UUID, WorklistNumbers.Numbers> ids = numbers.ofAll(booked.stream().map(BookedProcedure::appointmentId).toList());
        List<Dataset> answers = new ArrayList<>();
        Map<UUID, List<String>> givenByPatient = new LinkedHashMap<>();
        String asked = query.signature();
        for (BookedProcedure procedure : booked) {
            // The database narrowed the steps; matching here is the exact rule (PS3.4, ADR 0025) on what it found.
            Optional<Dataset> answer = answer(asked, query, step(procedure, ids.get(procedure.appointmentId()), titles));
            if (answer.isPresent()) {
                if (answers.size() >= properties.maxMatches()) {
                    break;
                }
                answers.add(answer.get());
                givenByPatient.computeIfAbsent(procedure.patientId(), p -> new ArrayList<>())
                        .add(ids.get(procedure.appointmentId()).accessionNumber() + "=" + procedure.appointmentId());
            }
        }
        audit.recordAll(auditLines(callingAeTitle, window, answers.size(), givenByPatient));
        return answers;
    }

    /**
     * The answer to this identifier for this step, or none when the step does not match: built once and reused
     * while both stay exactly the same (ADR 0110). The step is always the one just read, so a changed, moved or
     * cancelled appointment never gets an answer built before (HAZ-63, HAZ-137).
     */
    private Optional<Dataset> answer(String asked, Attributes query, ScheduledStep step) throws DicomFormatException {
        AnswerKey key = new AnswerKey(asked, step);
        Optional<Dataset> built = builtAnswers.get(key);
        if (built != null) {
            return built;
        }
        Attributes entity = step.attributes();
        built = Matching.matches(query, entity) ? Optional.of(Matching.project(query, entity).toDataset()) : Optional.empty();
        if (asked.length() > LONGEST_IDENTIFIER_KEPT) {
            return built;
        }
        if (builtAnswers.size() >= ANSWERS_KEPT_AT_MOST) {
            // Simpler than an eviction order; the next queries build their answers again.
            builtAnswers.clear();
        }
        builtAnswers.put(key, built);
        return built;
    }

    /** An identifier (its {@link Attributes#signature()}) and a step exactly as read. */
    private record AnswerKey(String asked, ScheduledStep step) {
    }

    /**
     * One line per patient given to the machine, naming the steps of theirs it was given; a query that found
     * nobody leaves one line without a patient, so that every machine's questions can be traced (HAZ-62).
     */
    private static List<AuditEntry> auditLines(String callingAeTitle, LocalDate[] window, int steps,
            Map<UUID, List<String>> givenByPatient) {
        String query = "modality worklist query from AE " + callingAeTitle + " for " + window[0] + " to " + window[1] + ": ";
        if (givenByPatient.isEmpty()) {
            return List.of(new AuditEntry(AuditAction.SEARCH, RECORD_TYPE, null, null, query + "0 steps"));
        }
        List<AuditEntry> lines = new ArrayList<>(givenByPatient.size());
        givenByPatient.forEach((patient, given) -> lines.add(new AuditEntry(AuditAction.READ, RECORD_TYPE, null, patient,
                query + given.size() + " of " + steps + " steps " + String.join(",", given))));
        return lines;
    }

    /**
     * What the database can match of the query: the window, the rooms whose station title matches, the guidance
     * whose modality matches, the patient's name and ID, and an exact accession number. Each is a superset of the
     * exact rule, so that a machine asking for its own room or one patient reads no other patient.
     */
    private BookedProcedureQuery bookedQuery(Attributes query, LocalDate[] window, Map<UUID, String> titles,
            String callingAeTitle) throws DicomFormatException {
        ZoneId zone = clock.getZone();
        Attributes stepKeys = stepKeys(query);
        String station = stepKeys.text(Tag.SCHEDULED_STATION_AE_TITLE);
        Set<UUID> rooms = null;
        if (constrains(station)) {
            rooms = new HashSet<>();
            for (Map.Entry<UUID, String> title : titles.entrySet()) {
                if (Matching.valueMatches("AE", station, title.getValue())) {
                    rooms.add(title.getKey());
                }
            }
        }
        if (!properties.seesAllRooms(callingAeTitle)) {
            // A room's station is given its own room's steps only, whatever it asks for (ADR 0053, HAZ-96).
            Set<UUID> own = ownRooms(titles, callingAeTitle);
            if (rooms == null) {
                rooms = own;
            } else {
                rooms.retainAll(own);
            }
        }
        String modality = stepKeys.text(Tag.MODALITY);
        Set<Guidance> guidances = EnumSet.noneOf(Guidance.class);
        for (Guidance guidance : Guidance.values()) {
            Optional<String> code = modality(guidance);
            if (code.isPresent() && (!constrains(modality) || Matching.valueMatches("CS", modality, code.get()))) {
                guidances.add(guidance);
            }
        }
        String accession = query.text(Tag.ACCESSION_NUMBER);
        Set<UUID> appointments = constrains(accession) && accession.indexOf('*') < 0 && accession.indexOf('?') < 0
                ? numbers.appointmentFor(accession).map(Set::of).orElse(Set.of()) : null;
        return new BookedProcedureQuery(window[0].atStartOfDay(zone).toInstant(), window[1].plusDays(1).atStartOfDay(zone).toInstant(),
                rooms, guidances, nameForDatabase(query.text(Tag.PATIENT_NAME)), query.text(Tag.PATIENT_ID), appointments);
    }

    private static Set<UUID> ownRooms(Map<UUID, String> titles, String callingAeTitle) {
        String caller = callingAeTitle == null ? "" : callingAeTitle.strip();
        Set<UUID> own = new HashSet<>();
        titles.forEach((room, title) -> {
            if (title.equals(caller)) {
                own.add(room);
            }
        });
        return own;
    }

    private static boolean constrains(String wanted) {
        return wanted != null && !wanted.isEmpty() && !wanted.chars().allMatch(c -> c == '*');
    }

    /**
     * The name pattern as the database sees it. The name given to a machine is cut to 64 characters (VR PN), the
     * stored one is not: a pattern that could match a cut name is widened with a trailing {@code *}.
     */
    static String nameForDatabase(String wanted) {
        if (!constrains(wanted)) {
            return null;
        }
        // A cut name is 64 UTF-16 units: 32 to 64 characters, which a pattern without * must have to match it.
        int characters = wanted.codePointCount(0, wanted.length());
        boolean couldMatchCutName = wanted.indexOf('*') >= 0 ? !wanted.endsWith("*")
                : characters >= ScheduledStep.NAME_LENGTH / 2 && characters <= ScheduledStep.NAME_LENGTH;
        return couldMatchCutName ? wanted + "*" : wanted;
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

    /** The keys of the query's scheduled step item, or none. */
    private static Attributes stepKeys(Attributes query) {
        List<Attributes> items = query.items(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE);
        return items == null || items.isEmpty() ? new Attributes() : items.getFirst();
    }

    private ScheduledStep step(BookedProcedure procedure, WorklistNumbers.Numbers ids, Map<UUID, String> titles) {
        String site = procedure.siteName() == null ? procedure.siteCode() : procedure.siteName();
        Laterality side = procedure.laterality();
        String description = site + (side == null || side == Laterality.NOT_APPLICABLE ? "" : " (" + side.label().toLowerCase() + ")");
        String hospitalNumber = procedure.hospitalNumber() == null ? "" : procedure.hospitalNumber().strip();
        String nhsNumber = procedure.nhsNumber() == null ? "" : procedure.nhsNumber();
        boolean byHospitalNumber = !hospitalNumber.isEmpty();
        return new ScheduledStep(procedure.appointmentId(), procedure.patientId(),
                personName(procedure.familyName(), procedure.givenName()),
                byHospitalNumber ? hospitalNumber : nhsNumber,
                byHospitalNumber ? properties.hospitalNumberIssuer() : "NHS",
                byHospitalNumber ? nhsNumber : "",
                procedure.dateOfBirth(), sex(procedure.sex()), ids.accessionNumber(), ids.studyInstanceUid(),
                description + " injection", procedure.referrerName() == null ? "" : procedure.referrerName(),
                modality(procedure.guidance()).orElseThrow(), titles.getOrDefault(procedure.roomId(), ""), procedure.roomName(),
                LocalDateTime.ofInstant(procedure.start(), clock.getZone()), procedure.operatorName(),
                procedure.guidance().label() + " guided injection, " + description);
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
        String clean = ((family == null ? "" : family.strip()) + "^" + (given == null ? "" : given.strip())).replace("\\", "");
        int end = clean.length();
        while (end > 0 && clean.charAt(end - 1) == '^') {
            end--;
        }
        return clean.substring(0, end);
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
