package org.synovia.safety;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.synovia.shared.Antithrombotic;

/**
 * What to do with one antithrombotic around the injection. When the procedure start is not yet known
 * the hold is given in hours and doses and the date-times are null.
 *
 * @param minimumHoursSinceLastDose procedure start minus last dose must be at least this (ASRA "N days" = N×24 h)
 * @param minimumOmittedDoses scheduled doses left out between the last dose and the start (SIR "k doses")
 * @param minimumWholeDaysOff whole calendar days without a dose before the procedure day (SIR "N days")
 * @param lastDose the last scheduled dose to take, or null
 * @param restart the first dose to take again, or null
 * @param restartRule the restart interval in words ("24 h after the procedure")
 * @param inrCheck when an INR must be checked and the limit it must meet, or null
 * @param sourceAnswers each source's answer where they differ
 * @param policyChoice which answer the local policy chose, or null when the sources agree
 * @param advisories each source's longer hold or later restart with the date it would give, shown beside
 *        the default (a longer hold than a source requires is thrombotic risk, not caution)
 */
public record MedicationPlan(String ruleId, Antithrombotic drug, String medicine, PlanAction action,
        Integer minimumHoursSinceLastDose, Integer minimumOmittedDoses, Integer minimumWholeDaysOff,
        LocalDateTime lastDose, LocalDateTime restart, String restartRule, InrCheck inrCheck,
        List<SourceAnswer> sourceAnswers, String policyChoice, String patientInstruction, String staffNote,
        List<GuidelineReference> sources, List<String> advisories) {

    public MedicationPlan {
        sourceAnswers = List.copyOf(sourceAnswers == null ? List.of() : sourceAnswers);
        sources = List.copyOf(sources);
        advisories = List.copyOf(advisories == null ? List.of() : advisories);
    }

    /** An INR to check before the injection: on or after {@code from}, and the value it must meet. */
    public record InrCheck(LocalDate from, double limit, boolean limitInclusive, String rule) {
    }
}
