package org.synovia.diary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.synovia.shared.InvalidInputException;

/**
 * What the patient writes for one time point. Only pain now is required; the rest may be left out.
 *
 * @param timePoint    the time point the form was shown for (it must still be the one due)
 * @param glucoseMmolL blood glucose, asked on days 1–7 of patients with diabetes (facts AF-07, CX-09)
 */
public record NewEntry(String timePoint, Integer painNow, Integer painWorstDay, Integer pgic, Set<SideEffect> sideEffects,
        BigDecimal glucoseMmolL, Set<RedFlag> redFlags) {

    private static final BigDecimal LOWEST_GLUCOSE = new BigDecimal("1.0");
    private static final BigDecimal HIGHEST_GLUCOSE = new BigDecimal("40.0");

    public NewEntry {
        sideEffects = sideEffects == null ? Set.of() : Set.copyOf(sideEffects);
        redFlags = redFlags == null ? Set.of() : Set.copyOf(redFlags);
    }

    /**
     * The entry to keep for {@code point}, written {@code minutesAfter} the injection at {@code now}: answers the
     * point does not ask are dropped, and each problem is named beside its field before anything is written.
     */
    DiaryReading.Entry written(TimePoint point, boolean glucoseAsked, int minutesAfter, Instant now) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (painNow == null || painNow < 0 || painNow > 10) {
            problems.add(new InvalidInputException.FieldProblem("painNow",
                    "Choose your pain now, from 0 (no pain) to 10 (the worst pain you can imagine)."));
        }
        Integer worst = point.asksWorstDay() ? painWorstDay : null;
        if (worst != null && (worst < 0 || worst > 10)) {
            problems.add(new InvalidInputException.FieldProblem("painWorstDay", "Choose your worst pain from 0 to 10."));
        }
        Integer feeling = point.asksPgic() ? pgic : null;
        if (feeling != null && (feeling < 1 || feeling > 7)) {
            problems.add(new InvalidInputException.FieldProblem("pgic", "Choose one of the answers about how you feel."));
        }
        BigDecimal glucose = glucoseAsked ? glucoseMmolL : null;
        if (glucose != null && (glucose.compareTo(LOWEST_GLUCOSE) < 0 || glucose.compareTo(HIGHEST_GLUCOSE) > 0
                || glucose.stripTrailingZeros().scale() > 1)) {
            problems.add(new InvalidInputException.FieldProblem("glucoseMmolL",
                    "Give your blood sugar in mmol/L, between 1 and 40, with at most one decimal (for example 7.5)."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new DiaryReading.Entry(point.code(), minutesAfter, now, painNow, worst, feeling,
                EnumCodes.of(sideEffects, SideEffect.class), glucose, EnumCodes.of(redFlags, RedFlag.class));
    }
}
