package org.synovia.safety.rules;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import org.synovia.safety.Medicine;
import org.synovia.shared.DoseFrequency;

/**
 * A medicine's scheduled doses in time, and the hold arithmetic of facts AC-40 and the scenario
 * conventions: ASRA "N days" is {@code start − last dose ≥ N × 24 h}; SIR "k doses" is the number of
 * scheduled doses omitted between the last dose taken and the start; SIR "N days" is N whole calendar
 * days without a dose before the procedure day. When several apply, all are satisfied.
 */
final class DoseSchedule {

    static final LocalTime DEFAULT_MORNING = LocalTime.of(8, 0);
    static final LocalTime DEFAULT_EVENING = LocalTime.of(20, 0);
    static final List<LocalTime> DEFAULT_TDS = List.of(LocalTime.of(6, 0), LocalTime.of(14, 0), LocalTime.of(22, 0));
    private static final int SEARCH_LIMIT_DOSES = 200;

    private final List<LocalTime> times;
    private final boolean onceDaily;

    private DoseSchedule(List<LocalTime> times, boolean onceDaily) {
        this.times = times;
        this.onceDaily = onceDaily;
    }

    /** The medicine's times, or the defaults for its frequency; empty when the pattern is not daily. */
    static Optional<DoseSchedule> of(Medicine medicine) {
        DoseFrequency frequency = medicine.frequency();
        if (frequency == null || frequency == DoseFrequency.OTHER) {
            return Optional.empty();
        }
        List<LocalTime> times = !medicine.doseTimes().isEmpty() ? medicine.doseTimes() : switch (frequency) {
            case ONCE_DAILY -> List.of(DEFAULT_MORNING);
            case TWICE_DAILY -> List.of(DEFAULT_MORNING, DEFAULT_EVENING);
            case THREE_TIMES_DAILY -> DEFAULT_TDS;
            case OTHER -> List.of();
        };
        return Optional.of(new DoseSchedule(times, frequency == DoseFrequency.ONCE_DAILY));
    }

    List<LocalTime> times() {
        return times;
    }

    /** The latest scheduled dose strictly before {@code moment}. */
    LocalDateTime doseBefore(LocalDateTime moment) {
        LocalDate day = moment.toLocalDate();
        for (int i = times.size() - 1; i >= 0; i--) {
            LocalDateTime candidate = day.atTime(times.get(i));
            if (candidate.isBefore(moment)) {
                return candidate;
            }
        }
        return day.minusDays(1).atTime(times.get(times.size() - 1));
    }

    /** The first scheduled dose at or after {@code moment}. */
    LocalDateTime doseAtOrAfter(LocalDateTime moment) {
        LocalDate day = moment.toLocalDate();
        for (LocalTime time : times) {
            LocalDateTime candidate = day.atTime(time);
            if (!candidate.isBefore(moment)) {
                return candidate;
            }
        }
        return day.plusDays(1).atTime(times.get(0));
    }

    /**
     * The latest scheduled dose that leaves at least {@code minimumHours} before {@code start}, at least
     * {@code minimumOmittedDoses} scheduled doses left out, and at least {@code minimumWholeDaysOff}
     * calendar days without a dose before the procedure day.
     */
    Hold lastDose(LocalDateTime start, int minimumHours, int minimumOmittedDoses, int minimumWholeDaysOff) {
        LocalDate latestDayAllowed = start.toLocalDate().minusDays(minimumWholeDaysOff + 1L);
        LocalDateTime candidate = doseBefore(start);
        LocalDateTime rejected = null;
        int omitted = 0;
        for (int i = 0; i < SEARCH_LIMIT_DOSES; i++) {
            boolean longEnough = Duration.between(candidate, start).toMinutes() >= minimumHours * 60L;
            boolean enoughOmitted = omitted >= minimumOmittedDoses;
            boolean enoughDaysOff = minimumWholeDaysOff == 0 || !candidate.toLocalDate().isAfter(latestDayAllowed);
            if (longEnough && enoughOmitted && enoughDaysOff) {
                return new Hold(candidate, omitted, Duration.between(candidate, start), rejected);
            }
            rejected = candidate;
            candidate = doseBefore(candidate);
            omitted++;
        }
        throw new IllegalStateException("no dose found within " + SEARCH_LIMIT_DOSES + " doses");
    }

    /**
     * The first dose to take again: the first scheduled dose at or after {@code start + hours} (and on
     * the day after the procedure or later when {@code dayAfter}). A once-daily dose that fell due on the
     * procedure day before the start and was left out is delayed rather than skipped when it can be
     * given the same day (scenario A13: "give the D0 dose at ≥ 13:00").
     */
    LocalDateTime restart(LocalDateTime start, int hours, boolean dayAfter, boolean procedureDayDoseOmitted) {
        LocalDateTime earliest = start.plusHours(hours);
        if (dayAfter) {
            LocalDateTime nextDay = start.toLocalDate().plusDays(1).atStartOfDay();
            earliest = earliest.isBefore(nextDay) ? nextDay : earliest;
        }
        if (onceDaily && procedureDayDoseOmitted && earliest.toLocalDate().equals(start.toLocalDate())) {
            return earliest;
        }
        return doseAtOrAfter(earliest);
    }

    /** Whether a scheduled dose falls on the procedure day before the start. */
    boolean doseDueOnProcedureDayBeforeStart(LocalDateTime start) {
        return doseBefore(start).toLocalDate().equals(start.toLocalDate());
    }

    /**
     * @param rejectedLater the next later dose, which would not satisfy the hold (shown to staff), or null
     */
    record Hold(LocalDateTime lastDose, int omittedDoses, Duration gap, LocalDateTime rejectedLater) {
    }
}
