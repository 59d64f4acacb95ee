package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.Medicine;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;

/** The AC-40 arithmetic on its own: start D0 09:00, dosing times as given. */
class DoseScheduleTests {

    @ParameterizedTest(name = "{0} at {1}: ≥ {2} h, ≥ {3} doses, ≥ {4} whole days → last dose D{5} {6}, {7} omitted")
    @CsvSource(delimiter = '|', value = {
            "ONCE_DAILY        | 18:00             | 72  | 3 | 0 | -4 | 18:00 | 3",
            "ONCE_DAILY        | 18:00             | 63  | 0 | 0 | -3 | 18:00 | 2",
            "ONCE_DAILY        | 08:00             | 12  | 0 | 0 | -1 | 08:00 | 1",
            "ONCE_DAILY        | 09:00             | 0   | 0 | 0 | -1 | 09:00 | 0",
            "TWICE_DAILY       | 08:00,20:00       | 0   | 4 | 0 | -2 | 08:00 | 4",
            "TWICE_DAILY       | 08:00,20:00       | 72  | 4 | 0 | -3 | 08:00 | 6",
            "THREE_TIMES_DAILY | 06:00,14:00,22:00 | 24  | 0 | 0 | -1 | 06:00 | 3",
            "ONCE_DAILY        | 08:00             | 0   | 0 | 3 | -4 | 08:00 | 4",
            "ONCE_DAILY        | 08:00             | 120 | 0 | 5 | -6 | 08:00 | 6",
    })
    void findsTheLatestDoseThatSatisfiesEveryRule(DoseFrequency frequency, String times, int hours, int doses, int days,
            int lastDay, String lastTime, int omitted) {
        var schedule = DoseSchedule.of(medicine(frequency, times)).orElseThrow();

        var hold = schedule.lastDose(START, hours, doses, days);

        assertThat(hold.lastDose()).isEqualTo(D0.plusDays(lastDay).atTime(LocalTime.parse(lastTime)));
        assertThat(hold.omittedDoses()).isEqualTo(omitted);
    }

    @ParameterizedTest(name = "{0} at {1}: restart ≥ {2} h (day after {3}), D0 dose omitted {4} → D{5} {6}")
    @CsvSource(delimiter = '|', value = {
            "ONCE_DAILY  | 18:00       | 24 | false | false | 1 | 18:00",
            "ONCE_DAILY  | 18:00       | 6  | false | false | 0 | 18:00",
            "ONCE_DAILY  | 08:00       | 4  | false | true  | 0 | 13:00",
            "ONCE_DAILY  | 08:00       | 4  | false | false | 1 | 08:00",
            "ONCE_DAILY  | 08:00       | 24 | false | true  | 2 | 08:00",
            "ONCE_DAILY  | 08:00       | 0  | true  | true  | 1 | 08:00",
            "TWICE_DAILY | 08:00,20:00 | 4  | false | true  | 0 | 20:00",
            "TWICE_DAILY | 08:00,20:00 | 24 | false | true  | 1 | 20:00",
    })
    void restartsAtTheFirstScheduledDoseAfterTheInterval(DoseFrequency frequency, String times, int hours, boolean dayAfter,
            boolean omittedToday, int day, String time) {
        var schedule = DoseSchedule.of(medicine(frequency, times)).orElseThrow();

        assertThat(schedule.restart(START, hours, dayAfter, omittedToday)).isEqualTo(D0.plusDays(day).atTime(LocalTime.parse(time)));
    }

    @ParameterizedTest(name = "{0} without times → {1}")
    @CsvSource(delimiter = '|', value = {"ONCE_DAILY | 08:00", "TWICE_DAILY | 08:00,20:00",
            "THREE_TIMES_DAILY | 06:00,14:00,22:00"})
    void usesTheDefaultTimesForEachFrequency(DoseFrequency frequency, String expected) {
        var schedule = DoseSchedule.of(new Medicine(Antithrombotic.APIXABAN, null, 5.0, null, frequency, null, null)).orElseThrow();

        assertThat(schedule.times()).containsExactlyElementsOf(List.of(expected.split(",")).stream().map(LocalTime::parse).toList());
    }

    private static Medicine medicine(DoseFrequency frequency, String times) {
        return new Medicine(Antithrombotic.APIXABAN, null, 5.0, null, frequency,
                List.of(times.split(",")).stream().map(LocalTime::parse).toList(), null);
    }
}
