package org.synovia.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.synovia.account.UserAccounts;
import org.synovia.scheduling.Operator;
import org.synovia.scheduling.OperatorGrade;
import org.synovia.scheduling.Room;
import org.synovia.scheduling.SchedulingFixtures;
import org.synovia.scheduling.SessionTemplate;
import org.synovia.scheduling.Sessions;

/** Rooms with room for a whole plan, set apart so that other tests' slot searches never meet them. */
public final class PlannedRoomFixtures {

    /** Weeks from the tests' first day to the planned weeks: later than any earliest date the fixtures' patients get. */
    public static final int WEEKS_AHEAD = 6;

    private PlannedRoomFixtures() {
    }

    /** Two rooms, ultrasound lists every weekday 08:00 to 17:00 in 20-minute slots, for the two planned weeks only. */
    public record PlannedRooms(List<UUID> roomIds, List<String> roomNames, LocalDate firstWeek) {
    }

    /** Needs a signed-in booking clerk or administrator. */
    public static PlannedRooms twoUltrasoundRooms(Sessions sessions, UserAccounts accounts) {
        LocalDate monday = sessions.today().with(DayOfWeek.MONDAY).plusWeeks(WEEKS_AHEAD);
        List<UUID> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Room room = SchedulingFixtures.room(sessions, org.synovia.shared.Guidance.ULTRASOUND);
            Operator operator = SchedulingFixtures.operator(sessions, accounts, OperatorGrade.CONSULTANT, Set.of(),
                    org.synovia.shared.Guidance.ULTRASOUND);
            for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY)) {
                sessions.addTemplate(new SessionTemplate(null, day, LocalTime.of(8, 0), LocalTime.of(17, 0), room.id(),
                        operator.id(), List.of(20), false, monday, monday.plusWeeks(2).minusDays(1)));
            }
            ids.add(room.id());
            names.add(room.name());
        }
        return new PlannedRooms(ids, names, monday);
    }
}
