package org.synovia.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.shared.Guidance;
import org.synovia.testing.FixedStartClock;

/** Rooms, operators and sessions with unique names, made through the façade by a signed-in clerk. */
public final class SchedulingFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** The first day of the integration tests' clock: every weekly session runs from then. */
    private static final LocalDate FIXED_DAY_ONE = LocalDate.ofInstant(FixedStartClock.START, FixedStartClock.LONDON);

    private SchedulingFixtures() {
    }

    public record Clinic(Room room, Operator operator, SessionTemplate template) {
    }

    public static Room room(Sessions sessions, Guidance... guidance) {
        return sessions.addRoom(new Room(null, "Room " + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet(),
                "Imaging department, level 2, Test Hospital", Set.of(guidance)));
    }

    public static Operator operator(Sessions sessions, UserAccounts accounts, OperatorGrade grade, Set<String> sites,
            Guidance... guidance) {
        UserAccount account = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        return sessions.addOperator(new Operator(null, account.username(), "Dr " + account.username(), grade,
                Set.of(guidance), sites));
    }

    /** A weekly session from the tests' first day on the given day, in a new room with a new consultant. */
    public static Clinic clinic(Sessions sessions, UserAccounts accounts, Guidance guidance, DayOfWeek day, LocalTime start,
            LocalTime end, List<Integer> pattern) {
        Room room = room(sessions, guidance);
        Operator operator = operator(sessions, accounts, OperatorGrade.CONSULTANT, Set.of(), guidance);
        SessionTemplate template = sessions.addTemplate(new SessionTemplate(null, day, start, end, room.id(), operator.id(),
                pattern, false, FIXED_DAY_ONE, null));
        return new Clinic(room, operator, template);
    }
}
