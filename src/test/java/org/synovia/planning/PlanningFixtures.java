package org.synovia.planning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.synovia.scheduling.OperatorGrade;
import org.synovia.shared.Guidance;
import org.synovia.waitinglist.Priority;

/** Small synthetic slots and patients for the planner's tests, on fixed dates around Tue 12 Jan 2027. */
public final class PlanningFixtures {

    public static final LocalDate TODAY = LocalDate.of(2027, 1, 12);
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final UUID DR_PATEL = UUID.nameUUIDFromBytes("Dr Patel".getBytes());
    public static final UUID DR_OKAFOR = UUID.nameUUIDFromBytes("Dr Okafor".getBytes());
    public static final UUID SONOGRAPHER_HUGHES = UUID.nameUUIDFromBytes("Gail Hughes".getBytes());
    public static final UUID ULTRASOUND_ROOM = UUID.nameUUIDFromBytes("Ultrasound 1".getBytes());
    public static final UUID FLUOROSCOPY_ROOM = UUID.nameUUIDFromBytes("Fluoroscopy 1".getBytes());

    private PlanningFixtures() {
    }

    public static PlanningProblem problem(List<OpenSlot> slots, List<WaitingPatient> patients) {
        return new PlanningProblem(TODAY, LONDON, slots, patients);
    }

    /** A free slot; change it with the {@link SlotBuilder} methods. */
    public static SlotBuilder slot(String name, LocalDateTime start) {
        return new SlotBuilder(name, start);
    }

    /** A routine ultrasound knee patient who may be seen any time; change it with the builder methods. */
    public static PatientBuilder patient(String name) {
        return new PatientBuilder(name);
    }

    public static final class SlotBuilder {
        private final String name;
        private LocalDateTime start;
        private UUID sessionId;
        private UUID roomId = ULTRASOUND_ROOM;
        private String roomName = "Ultrasound 1";
        private Set<Guidance> roomGuidance = EnumSet.of(Guidance.ULTRASOUND);
        private UUID operatorId = DR_PATEL;
        private String operatorName = "Dr Patel";
        private OperatorGrade grade = OperatorGrade.CONSULTANT;
        private Set<Guidance> operatorGuidance = EnumSet.of(Guidance.ULTRASOUND, Guidance.FLUOROSCOPY);
        private Set<String> operatorSites = Set.of();
        private int minutes = 20;
        private boolean oneStop;
        private UUID followingSlotId;

        private SlotBuilder(String name, LocalDateTime start) {
            this.name = name;
            this.start = start;
            this.sessionId = UUID.nameUUIDFromBytes(("session " + start.toLocalDate() + roomName).getBytes());
        }

        public SlotBuilder fluoroscopyRoom() {
            roomId = FLUOROSCOPY_ROOM;
            roomName = "Fluoroscopy 1";
            roomGuidance = EnumSet.of(Guidance.FLUOROSCOPY);
            sessionId = UUID.nameUUIDFromBytes(("session " + start.toLocalDate() + roomName).getBytes());
            return this;
        }

        public SlotBuilder session(String session) {
            sessionId = UUID.nameUUIDFromBytes(session.getBytes());
            return this;
        }

        public SlotBuilder operator(UUID id, String operatorName, OperatorGrade operatorGrade) {
            operatorId = id;
            this.operatorName = operatorName;
            grade = operatorGrade;
            return this;
        }

        public SlotBuilder operatorGuidance(Set<Guidance> guidance, Set<String> sites) {
            operatorGuidance = guidance;
            operatorSites = sites;
            return this;
        }

        public SlotBuilder minutes(int slotMinutes) {
            minutes = slotMinutes;
            return this;
        }

        public SlotBuilder oneStopWith(OpenSlot following) {
            oneStop = true;
            followingSlotId = following.slotId();
            return this;
        }

        public SlotBuilder oneStopWith(UUID followingId) {
            oneStop = true;
            followingSlotId = followingId;
            return this;
        }

        public OpenSlot build() {
            return new OpenSlot(UUID.nameUUIDFromBytes(("slot " + name).getBytes()), sessionId, roomId, roomName,
                    roomGuidance, operatorId, operatorName, grade, operatorGuidance, operatorSites, start, minutes, oneStop,
                    followingSlotId);
        }
    }

    public static final class PatientBuilder {
        private final String name;
        private Guidance guidance = Guidance.ULTRASOUND;
        private Set<String> sites = Set.of("KNEE");
        private String grade;
        private UUID namedOperator;
        private int minutes = 20;
        private Priority priority = Priority.ROUTINE;
        private LocalDate clockStart = TODAY.minusWeeks(4);
        private LocalDate breach = TODAY.plusWeeks(14);
        private LocalDate earliest;
        private LocalDate latest;
        private LocalDate awayFrom;
        private LocalDate awayTo;
        private boolean oneStop;
        private UUID lastOperator;

        private PatientBuilder(String name) {
            this.name = name;
        }

        public PatientBuilder guidance(Guidance needed, String... siteCodes) {
            guidance = needed;
            sites = Set.of(siteCodes);
            return this;
        }

        public PatientBuilder grade(OperatorGrade required) {
            grade = required.name();
            return this;
        }

        public PatientBuilder namedOperator(UUID operator) {
            namedOperator = operator;
            return this;
        }

        public PatientBuilder minutes(int needed) {
            minutes = needed;
            return this;
        }

        public PatientBuilder priority(Priority value) {
            priority = value;
            return this;
        }

        public PatientBuilder waitingSince(LocalDate start, LocalDate breachDate) {
            clockStart = start;
            breach = breachDate;
            return this;
        }

        public PatientBuilder earliest(LocalDate day) {
            earliest = day;
            return this;
        }

        public PatientBuilder latest(LocalDate day) {
            latest = day;
            return this;
        }

        public PatientBuilder away(LocalDate from, LocalDate to) {
            awayFrom = from;
            awayTo = to;
            return this;
        }

        public PatientBuilder oneStop() {
            oneStop = true;
            return this;
        }

        public PatientBuilder lastInjectedBy(UUID operator) {
            lastOperator = operator;
            return this;
        }

        public WaitingPatient build() {
            return new WaitingPatient(UUID.nameUUIDFromBytes(("referral " + name).getBytes()),
                    UUID.nameUUIDFromBytes(("patient " + name).getBytes()), name, String.join(" and ", sites), guidance,
                    sites, grade, namedOperator, minutes, priority, clockStart, breach, earliest, latest, awayFrom, awayTo,
                    oneStop, lastOperator);
        }
    }
}
