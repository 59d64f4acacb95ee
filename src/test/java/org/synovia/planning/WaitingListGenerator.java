package org.synovia.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.synovia.scheduling.OperatorGrade;
import org.synovia.shared.Guidance;
import org.synovia.waitinglist.Priority;

/**
 * Seeded, synthetic waiting lists shaped like a busy injection service's, for the planner benchmark and tests: six
 * rooms (ultrasound, fluoroscopy, CT and a mixed room), ten operators of mixed grades and site competencies, 400
 * slots over eight weeks, and patients with realistic priorities, blood-thinner holds, repeat intervals, holidays,
 * latest dates and one-stop clinics. Same seed, same list.
 */
public final class WaitingListGenerator {

    public static final LocalDate TODAY = LocalDate.of(2027, 1, 12);
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final int WEEKS = 8;
    public static final int SESSIONS_PER_DAY = 3;
    static final int[] SLOTS_PER_SESSION = {4, 3, 3};

    /** Priorities as a vetted list holds them: urgent 10 %, soon 25 %, routine 65 %. */
    static final double URGENT_SHARE = 0.10;
    static final double SOON_SHARE = 0.25;
    /** Days from clock start to breach: two weeks for urgent, six for soon, eighteen for routine. */
    static final int URGENT_STANDARD_DAYS = 14;
    static final int SOON_STANDARD_DAYS = 42;
    static final int ROUTINE_STANDARD_DAYS = 126;
    static final double ON_BLOOD_THINNERS = 0.20;
    static final double REPEAT_INJECTION = 0.15;
    static final int REPEAT_INTERVAL_DAYS = 84;
    static final double ONE_STOP = 0.10;
    static final double HOLIDAY = 0.08;
    static final double LATEST_DATE = 0.05;
    static final double NAMED_OPERATOR = 0.03;

    private record Room(UUID id, String name, Set<Guidance> guidance, Guidance main) {
    }

    private record Operator(UUID id, String name, OperatorGrade grade, Set<Guidance> guidance, Set<String> sites) {
    }

    private static final List<String> US_SITES = List.of("KNEE", "SHOULDER", "HIP", "WRIST", "ANKLE");
    private static final List<String> FLUORO_SITES = List.of("HIP", "FACET", "SI_JOINT", "KNEE");
    private static final List<String> CT_SITES = List.of("FACET", "SI_JOINT", "NERVE_ROOT");

    private final Random random;
    private final List<Room> rooms = new ArrayList<>();
    private final List<Operator> operators = new ArrayList<>();

    public WaitingListGenerator(long seed) {
        random = new Random(seed);
        rooms.add(room("Ultrasound 1", EnumSet.of(Guidance.ULTRASOUND, Guidance.LANDMARK), Guidance.ULTRASOUND));
        rooms.add(room("Ultrasound 2", EnumSet.of(Guidance.ULTRASOUND, Guidance.LANDMARK), Guidance.ULTRASOUND));
        rooms.add(room("Fluoroscopy 1", EnumSet.of(Guidance.FLUOROSCOPY), Guidance.FLUOROSCOPY));
        rooms.add(room("Fluoroscopy 2", EnumSet.of(Guidance.FLUOROSCOPY), Guidance.FLUOROSCOPY));
        rooms.add(room("CT", EnumSet.of(Guidance.CT), Guidance.CT));
        rooms.add(room("Procedure room", EnumSet.of(Guidance.ULTRASOUND, Guidance.FLUOROSCOPY), Guidance.FLUOROSCOPY));
        Set<Guidance> all = EnumSet.of(Guidance.ULTRASOUND, Guidance.FLUOROSCOPY, Guidance.CT, Guidance.LANDMARK);
        operators.add(operator("Dr Ada Patel", OperatorGrade.CONSULTANT, all, Set.of()));
        operators.add(operator("Dr Ben Okafor", OperatorGrade.CONSULTANT, all, Set.of()));
        operators.add(operator("Dr Cara Lewis", OperatorGrade.CONSULTANT, EnumSet.of(Guidance.ULTRASOUND, Guidance.FLUOROSCOPY), Set.of()));
        operators.add(operator("Dr Dev Shah", OperatorGrade.CONSULTANT, EnumSet.of(Guidance.FLUOROSCOPY, Guidance.CT), Set.of()));
        operators.add(operator("Dr Eve Morgan", OperatorGrade.SPECIALTY_REGISTRAR, EnumSet.of(Guidance.ULTRASOUND, Guidance.FLUOROSCOPY),
                Set.of("KNEE", "SHOULDER", "HIP", "FACET")));
        operators.add(operator("Dr Finn Walsh", OperatorGrade.SPECIALTY_REGISTRAR, EnumSet.of(Guidance.FLUOROSCOPY, Guidance.CT), Set.of()));
        operators.add(operator("Gail Hughes", OperatorGrade.SONOGRAPHER, EnumSet.of(Guidance.ULTRASOUND),
                Set.of("KNEE", "SHOULDER", "WRIST", "ANKLE")));
        operators.add(operator("Hari Rao", OperatorGrade.SONOGRAPHER, EnumSet.of(Guidance.ULTRASOUND), Set.of("SHOULDER", "KNEE")));
        operators.add(operator("Iris Chen", OperatorGrade.ADVANCED_PRACTITIONER, EnumSet.of(Guidance.ULTRASOUND, Guidance.LANDMARK),
                Set.of("KNEE", "SHOULDER", "HIP")));
        operators.add(operator("Jon Reid", OperatorGrade.ADVANCED_PRACTITIONER, EnumSet.of(Guidance.ULTRASOUND, Guidance.FLUOROSCOPY),
                Set.of("KNEE", "HIP", "SI_JOINT")));
    }

    /** The same 400 slots for any number of patients, then {@code patients} waiting patients. */
    public PlanningProblem problem(int patients) {
        List<OpenSlot> slots = slots();
        List<WaitingPatient> waiting = new ArrayList<>(patients);
        for (int i = 0; i < patients; i++) {
            waiting.add(patient(i));
        }
        return new PlanningProblem(TODAY, LONDON, slots, waiting);
    }

    private List<OpenSlot> slots() {
        List<OpenSlot> slots = new ArrayList<>();
        LocalDate day = TODAY.with(DayOfWeek.MONDAY).plusWeeks(1);
        int dayIndex = 0;
        for (int d = 0; d < WEEKS * 7; d++, day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (int s = 0; s < SESSIONS_PER_DAY; s++) {
                Room room = rooms.get((dayIndex * SESSIONS_PER_DAY + s) % rooms.size());
                Operator operator = operatorFor(room.main(), dayIndex * SESSIONS_PER_DAY + s);
                boolean oneStopClinic = room.main() == Guidance.ULTRASOUND && day.getDayOfWeek() == DayOfWeek.WEDNESDAY;
                int minutes = room.main() == Guidance.ULTRASOUND ? 20 : (s == 0 ? 45 : 30);
                LocalDateTime start = day.atTime(s == 0 ? LocalTime.of(9, 0) : s == 1 ? LocalTime.of(11, 0) : LocalTime.of(14, 0));
                UUID sessionId = UUID.nameUUIDFromBytes(("session-" + day + "-" + s).getBytes());
                int count = SLOTS_PER_SESSION[s] + (oneStopClinic && SLOTS_PER_SESSION[s] % 2 == 1 ? 1 : 0);
                List<UUID> ids = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    ids.add(UUID.nameUUIDFromBytes(("slot-" + day + "-" + s + "-" + k).getBytes()));
                }
                for (int k = 0; k < count; k++) {
                    boolean consultation = oneStopClinic && k % 2 == 0;
                    slots.add(new OpenSlot(ids.get(k), sessionId, room.id(), room.name(), room.guidance(), operator.id(),
                            operator.name(), operator.grade(), operator.guidance(), operator.sites(),
                            start.plusMinutes((long) k * minutes), minutes, consultation, consultation ? ids.get(k + 1) : null));
                }
            }
            dayIndex++;
        }
        return slots;
    }

    private Operator operatorFor(Guidance guidance, int turn) {
        List<Operator> able = operators.stream().filter(o -> o.guidance().contains(guidance)).toList();
        return able.get(turn % able.size());
    }

    private WaitingPatient patient(int i) {
        double roll = random.nextDouble();
        Priority priority = roll < URGENT_SHARE ? Priority.URGENT : roll < URGENT_SHARE + SOON_SHARE ? Priority.SOON : Priority.ROUTINE;
        boolean oneStop = random.nextDouble() < ONE_STOP;
        double g = random.nextDouble();
        Guidance guidance = oneStop || g < 0.55 ? Guidance.ULTRASOUND : g < 0.90 ? Guidance.FLUOROSCOPY : Guidance.CT;
        List<String> sitePool = guidance == Guidance.ULTRASOUND ? US_SITES : guidance == Guidance.FLUOROSCOPY ? FLUORO_SITES : CT_SITES;
        List<String> sites = new ArrayList<>();
        sites.add(sitePool.get(random.nextInt(sitePool.size())));
        if (random.nextDouble() < 0.10) {
            String second = sitePool.get(random.nextInt(sitePool.size()));
            if (!sites.contains(second)) {
                sites.add(second);
            }
        }
        int standard = switch (priority) {
            case URGENT -> URGENT_STANDARD_DAYS;
            case SOON -> SOON_STANDARD_DAYS;
            case ROUTINE -> ROUTINE_STANDARD_DAYS;
        };
        // Waits already run to a little past the standard for some: a list under pressure.
        LocalDate clockStart = TODAY.minusDays(random.nextInt((int) (standard * 1.2) + 1));
        LocalDate breach = clockStart.plusDays(standard);
        double gradeRoll = random.nextDouble();
        String grade = gradeRoll < 0.25 ? OperatorGrade.CONSULTANT.name()
                : gradeRoll < 0.32 && guidance == Guidance.ULTRASOUND ? OperatorGrade.SONOGRAPHER.name() : null;
        UUID named = null;
        if (random.nextDouble() < NAMED_OPERATOR) {
            List<Operator> able = operators.stream().filter(o -> o.guidance().contains(guidance)).toList();
            named = able.get(random.nextInt(able.size())).id();
        }
        int minutes = guidance == Guidance.ULTRASOUND ? 20 : random.nextDouble() < 0.15 ? 45 : 30;
        if (oneStop) {
            minutes = 40;
        }
        LocalDate earliest = TODAY.plusDays(1);
        UUID lastOperator = null;
        if (random.nextDouble() < ON_BLOOD_THINNERS) {
            earliest = earliest.plusDays(2 + random.nextInt(6));
        }
        if (random.nextDouble() < REPEAT_INJECTION) {
            LocalDate lastInjection = TODAY.minusDays(30 + random.nextInt(70));
            LocalDate repeatAllowed = lastInjection.plusDays(REPEAT_INTERVAL_DAYS);
            if (repeatAllowed.isAfter(earliest)) {
                earliest = repeatAllowed;
            }
            List<Operator> able = operators.stream().filter(o -> o.guidance().contains(guidance)).toList();
            lastOperator = able.get(random.nextInt(able.size())).id();
        }
        LocalDate latest = random.nextDouble() < LATEST_DATE ? TODAY.plusDays(14 + random.nextInt(36)) : null;
        LocalDate awayFrom = null;
        LocalDate awayTo = null;
        if (random.nextDouble() < HOLIDAY) {
            awayFrom = TODAY.plusDays(random.nextInt(50));
            awayTo = awayFrom.plusDays(6 + random.nextInt(8));
        }
        UUID referral = new UUID(0x5E55_1000L, i);
        return new WaitingPatient(referral, new UUID(0x9A71_E000L, i), "Patient " + (i + 1), String.join(" and ", sites),
                guidance, Set.copyOf(sites), grade, named, minutes, priority, clockStart, breach, earliest, latest, awayFrom,
                awayTo, oneStop, lastOperator);
    }

    private Room room(String name, Set<Guidance> guidance, Guidance main) {
        return new Room(UUID.nameUUIDFromBytes(name.getBytes()), name, guidance, main);
    }

    private Operator operator(String name, OperatorGrade grade, Set<Guidance> guidance, Set<String> sites) {
        return new Operator(UUID.nameUUIDFromBytes(name.getBytes()), name, grade, guidance, sites);
    }
}
