package org.synovia.diary;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What the patient writes for one time point. Only pain now is required; the rest may be left out.
 *
 * @param timePoint    the time point the form was shown for (it must still be the one due)
 * @param glucoseMmolL blood glucose, asked on days 1–7 of patients with diabetes (facts AF-07, CX-09)
 */
public record NewEntry(String timePoint, Integer painNow, Integer painWorstDay, Integer pgic, Set<SideEffect> sideEffects,
        BigDecimal glucoseMmolL, Set<RedFlag> redFlags) {

    public NewEntry {
        sideEffects = sideEffects == null ? Set.of() : Set.copyOf(sideEffects);
        redFlags = redFlags == null ? Set.of() : Set.copyOf(redFlags);
    }
}
