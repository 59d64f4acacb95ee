package org.synovia.outcomes.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OpenWorkTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2027-01-12T07:30:00Z");

    @Test
    void fillsEachOpenListWithTheAskedNumberAndBooksTodayWithoutDoubleBooking() {
        SyntheticData.Plan plan = new SyntheticData.Plan("R1", 42, 1, 3, List.of(LocalDate.of(2027, 1, 11)), LONDON, NOW);
        Arrays.fill(plan.referrers, "synthetic.r1.referrer1");
        plan.nextNhs = 999_000_000L;
        StringBuilder rooms = new StringBuilder();
        StringBuilder operators = new StringBuilder();
        StringBuilder templates = new StringBuilder();
        OpenWork.TodayRooms today = OpenWork.todayRooms(plan, 50, rooms, operators, templates);
        SyntheticData.Tables t = new SyntheticData.Tables();
        for (OpenWork.Stage stage : OpenWork.Stage.values()) {
            for (int i = 0; i < 50; i++) {
                OpenWork.write(plan, stage, i, today, t);
            }
        }

        assertThat(today.day()).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(lines(rooms)).hasSize(3); // 24 a room
        assertThat(lines(templates)).allSatisfy(l -> assertThat(l.split("\t")[1]).isEqualTo("2")); // Tuesday
        assertThat(lines(t.patients)).hasSize(150);
        assertThat(lines(t.referrals)).extracting(l -> l.split("\t")[20])
                .containsOnly("SUBMITTED", "WAITING", "BOOKED").filteredOn("SUBMITTED"::equals).hasSize(50);
        assertThat(lines(t.waiting)).extracting(l -> l.split("\t")[13]).filteredOn("WAITING"::equals).hasSize(50);
        List<String> appointments = lines(t.appointments);
        assertThat(appointments).hasSize(50);
        Set<String> roomAndTime = new HashSet<>();
        for (String a : appointments) {
            String[] f = a.split("\t");
            assertThat(roomAndTime.add(f[4] + f[6])).as("one patient per room and slot").isTrue();
            assertThat(f[6]).startsWith("[\"2027-01-12T");
        }
    }

    @Test
    void takesTheWaitingListAndTodayApartFromTheOtherListsWhenAsked() {
        assertThat(new SyntheticProperties(1, 1, 3, true, 50, 0, 0).open()).isEqualTo(new OpenWork.Counts(50, 50, 50));
        OpenWork.Counts clinic = new SyntheticProperties(1, 1, 3, true, 50, 2000, 200).open();
        assertThat(clinic).isEqualTo(new OpenWork.Counts(50, 2000, 200));
        assertThat(Arrays.stream(OpenWork.Stage.values()).map(clinic::of)).containsExactly(50, 2000, 200);

        SyntheticData.Plan plan = new SyntheticData.Plan("R2", 42, 1, 3, List.of(LocalDate.of(2027, 1, 11)), LONDON, NOW);
        StringBuilder rooms = new StringBuilder();
        OpenWork.todayRooms(plan, clinic.today(), rooms, new StringBuilder(), new StringBuilder());
        assertThat(lines(rooms)).hasSize(9); // 200 patients, 24 a room
    }

    private static List<String> lines(StringBuilder copy) {
        return copy.isEmpty() ? List.of() : List.of(copy.toString().split("\n"));
    }
}
