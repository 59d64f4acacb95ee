package org.synovia.safety.rules;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PreviousInjection;
import org.synovia.safety.Severity;

/**
 * SAF-062 — triamcinolone hexacetonide (facts RI-06, ST-03): the same joint not more often than every
 * 3–4 weeks. Before day 21 after the last hexacetonide injection is a hard stop; days 21–27 a soft stop
 * (preferred day 28), scenario R3.
 */
final class HexacetonideIntervalRule implements SafetyRule {

    static final int EARLIEST_DAY = 21;
    static final int PREFERRED_DAY = 28;

    @Override
    public String id() {
        return "SAF-062";
    }

    @Override
    public String name() {
        return "Triamcinolone hexacetonide repeat interval";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Stops a repeat into a joint given triamcinolone hexacetonide less than 21 days ago; soft stop until day 28.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("Triamcinolone hexacetonide 20 mg/mL SmPC (S13)", 2018, "4.2", "RI-06", "ST-03"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("hard stop before day " + EARLIEST_DAY, "soft stop before day " + PREFERRED_DAY);
    }

    @Override
    public void evaluate(AssessmentContext context) {
        if (!context.procedure().steroid()) {
            return;
        }
        List<PreviousInjection> history = SteroidHistory.sameJoint(context).stream()
                .filter(p -> p.drug() == InjectedAgent.TRIAMCINOLONE_HEXACETONIDE).toList();
        if (history.isEmpty()) {
            return;
        }
        PreviousInjection last = history.get(0);
        long days = ChronoUnit.DAYS.between(last.date(), context.referenceDate());
        String facts = "triamcinolone hexacetonide into the " + SteroidHistory.joint(context) + " " + days + " days ago ("
                + Wording.date(last.date()) + "); SmPC: not more often than every 3–4 weeks";
        if (days < EARLIEST_DAY) {
            context.add(this, Severity.STOP, facts + ": block; earliest day " + EARLIEST_DAY + " ("
                    + Wording.date(last.date().plusDays(EARLIEST_DAY)) + "), preferred day " + PREFERRED_DAY + " ("
                    + Wording.date(last.date().plusDays(PREFERRED_DAY)) + ") [RI-06, ST-03]", List.of(), null, false,
                    SteroidRepeatIntervalRule.rebook(last.date().plusDays(EARLIEST_DAY), "(earliest)"),
                    SteroidRepeatIntervalRule.rebook(last.date().plusDays(PREFERRED_DAY), "(preferred)"));
        } else if (days < PREFERRED_DAY) {
            context.add(this, Severity.WARN, facts + ": allowed from day " + EARLIEST_DAY + ", preferred day "
                    + PREFERRED_DAY + " (" + Wording.date(last.date().plusDays(PREFERRED_DAY))
                    + "); record a justification [RI-06]", List.of(), null, true,
                    SteroidRepeatIntervalRule.rebook(last.date().plusDays(PREFERRED_DAY), "(preferred)"));
        }
    }
}
