package org.synovia.planning.solver;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.synovia.planning.WaitingPatient;
import org.synovia.waitinglist.Priority;

/**
 * What a patient costs the plan on each soft level when seen on a given day, or left unplaced (seen at the earliest
 * the day after the last planned day). The constraints, the freed-slot choice and the plan summary use these same
 * numbers.
 */
public final class SoftCosts {

    /** An urgent breach outweighs ten soon ones, a soon breach ten routine ones: urgent patients are protected first
     * without making a routine breach free. */
    public static final long URGENT_BREACH_WEIGHT = 100;
    public static final long SOON_BREACH_WEIGHT = 10;
    public static final long ROUTINE_BREACH_WEIGHT = 1;

    private SoftCosts() {
    }

    /** The day the patient is taken to be seen: the slot's day, or the day after the horizon when unplaced. */
    public static LocalDate seenOn(LocalDate slotDay, LocalDate horizonEnd) {
        return slotDay != null ? slotDay : horizonEnd.plusDays(1);
    }

    /**
     * The patient misses the breach date: placed after it, or unplaced with the breach date on or before the last
     * planned day (unplaced with a later breach date they may still be seen in time, so it is not yet a breach).
     */
    public static boolean breaches(WaitingPatient patient, LocalDate slotDay, LocalDate horizonEnd) {
        LocalDate breach = patient.breachDate();
        if (breach == null) {
            return false;
        }
        return slotDay != null ? slotDay.isAfter(breach) : !breach.isAfter(horizonEnd);
    }

    public static long breachWeight(Priority priority) {
        if (priority == null) {
            return ROUTINE_BREACH_WEIGHT;
        }
        return switch (priority) {
            case URGENT -> URGENT_BREACH_WEIGHT;
            case SOON -> SOON_BREACH_WEIGHT;
            case ROUTINE -> ROUTINE_BREACH_WEIGHT;
        };
    }

    public static long breachCost(WaitingPatient patient, LocalDate slotDay, LocalDate horizonEnd) {
        return breaches(patient, slotDay, horizonEnd) ? breachWeight(patient.priority()) : 0;
    }

    /** Days past the breach date, squared, so that many a little late beats one very late. */
    public static long latenessCost(WaitingPatient patient, LocalDate slotDay, LocalDate horizonEnd) {
        if (patient.breachDate() == null) {
            return 0;
        }
        long late = Math.max(0, ChronoUnit.DAYS.between(patient.breachDate(), seenOn(slotDay, horizonEnd)));
        return late * late;
    }

    /**
     * Days waited since the clock started, squared: the square makes an earlier day worth more to whoever has waited
     * longer, and any slot is worth more than none.
     */
    public static long waitingCost(WaitingPatient patient, LocalDate slotDay, LocalDate horizonEnd) {
        LocalDate start = patient.clockStart() != null ? patient.clockStart() : seenOn(slotDay, horizonEnd);
        long waited = Math.max(0, ChronoUnit.DAYS.between(start, seenOn(slotDay, horizonEnd)));
        return waited * waited;
    }
}
