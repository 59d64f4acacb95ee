package org.synovia.safety.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PatientFacts.PlannedJointReplacement;
import org.synovia.safety.Severity;
import org.synovia.safety.SourceAnswer;

/**
 * SAF-024 — planned replacement of the same joint (facts RI-10, RI-11, CI-13). EULAR: intra-articular
 * therapy at least 3 months before arthroplasty (injection within 3 months raises the odds of
 * periprosthetic infection, OR 1.26). Some guidance uses 6 months (RI-11). Sooner than the policy
 * minimum stops; between it and 6 months warns.
 */
final class JointReplacementIntervalRule implements SafetyRule {

    static final int CAUTIOUS_INTERVAL_MONTHS = 6;

    @Override
    public String id() {
        return "SAF-024";
    }

    @Override
    public String name() {
        return "Joint replacement planned soon";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Stops an injection into a joint due to be replaced within 3 months, warns up to 6 months.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.eular("recommendation 9", "RI-10", "CI-13"),
                GuidelineReference.of("Therapeutic Guidelines Rheumatology (S17)", GuidelineReference.UNDATED, "arthroplasty", "RI-11",
                        "CI-04"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("stop when replacement < " + policy.arthroplastyMinimumMonths() + " months after the injection",
                "warn when < " + CAUTIOUS_INTERVAL_MONTHS + " months");
    }

    @Override
    public void evaluate(AssessmentContext context) {
        PlannedJointReplacement replacement = context.patient().plannedJointReplacement();
        if (replacement == null || !replacement.siteCode().equals(context.procedure().siteCode())
                || !Sides.overlap(replacement.side(), context.procedure().side())) {
            return;
        }
        LocalDate injection = context.referenceDate();
        int minimum = context.policy().arthroplastyMinimumMonths();
        if (replacement.date().isBefore(injection)) {
            context.add(this, Severity.STOP, "Replacement of this joint recorded for " + Wording.date(replacement.date())
                    + ", before the injection: treat the joint as prosthetic; orthopaedic decision only [CI-04, CI-13]");
            return;
        }
        long days = ChronoUnit.DAYS.between(injection, replacement.date());
        String facts = "replacement of this joint planned for " + Wording.date(replacement.date()) + ", " + days
                + " days after the injection " + context.referenceDayWords();
        List<SourceAnswer> answers = List.of(new SourceAnswer("EULAR 2021", "at least 3 months before arthroplasty"),
                new SourceAnswer("S17", "3 or 6 months"));
        if (replacement.date().isBefore(injection.plusMonths(minimum))) {
            context.add(this, Severity.STOP, facts + "; minimum " + minimum + " months (periprosthetic infection odds "
                    + "OR 1.26 within 3 months): do not inject; discuss with the surgeon [RI-10, CI-13]", answers,
                    "arthroplasty-minimum-months = " + minimum, false);
        } else if (replacement.date().isBefore(injection.plusMonths(CAUTIOUS_INTERVAL_MONTHS))) {
            context.add(this, Severity.WARN, facts + "; meets " + minimum + " months but some guidance uses "
                    + CAUTIOUS_INTERVAL_MONTHS + " months: tell the surgeon [RI-11]", answers,
                    "arthroplasty-minimum-months = " + minimum, false);
        }
    }
}
