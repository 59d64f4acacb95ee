package org.synovia.safety.rules;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.synovia.safety.FindingAction;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PreviousInjection;
import org.synovia.safety.Severity;
import org.synovia.safety.SourceAnswer;

/**
 * SAF-060 — interval since the last steroid into the same joint (facts RI-01..03, RI-07).
 * <p>
 * Sources differ (facts §11): the methylprednisolone SmPC allows a repeat after 1–5 or more weeks
 * (RI-02); Østergaard limits to about one every 6 weeks (RI-03); Pfizer UK, citing Cochrane, suggests
 * 3 months (RI-01); Kenalog repeats when symptoms recur (RI-07). Sooner than the minimum interval
 * (default 6 weeks) is a hard stop; between it and the preferred interval (default 3 months, 84 days)
 * a soft stop that needs a written justification (scenario R1).
 */
final class SteroidRepeatIntervalRule implements SafetyRule {

    @Override
    public String id() {
        return "SAF-060";
    }

    @Override
    public String name() {
        return "Steroid repeat interval, same joint";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Stops a steroid into the same joint within 6 weeks and asks for a justification within 3 months.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("Depo-Medrone dosing, Pfizer UK, citing Cochrane CD005328 (S11)", GuidelineReference.UNDATED,
                        "repeat injections", "RI-01", "RI-02"),
                GuidelineReference.of("Østergaard & Halberg, BioDrugs (S15)", 1998, "repeat limit", "RI-03"),
                GuidelineReference.of("Kenalog SmPC (S12)", 2023, "4.2", "RI-07"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("hard stop < " + policy.steroidMinimumIntervalDays() + " days",
                "soft stop (justification) < " + policy.steroidPreferredIntervalDays() + " days");
    }

    static FindingAction rebook(java.time.LocalDate from, String how) {
        return new FindingAction(FindingAction.Kind.REBOOK_AFTER, "Rebook on or after " + Wording.date(from) + " " + how, from);
    }

    @Override
    public void evaluate(AssessmentContext context) {
        if (!context.procedure().steroid()) {
            return;
        }
        List<PreviousInjection> history = SteroidHistory.sameJoint(context);
        if (history.isEmpty()) {
            return;
        }
        PreviousInjection last = history.get(0);
        long days = ChronoUnit.DAYS.between(last.date(), context.referenceDate());
        int minimum = context.policy().steroidMinimumIntervalDays();
        int preferred = context.policy().steroidPreferredIntervalDays();
        String facts = "last " + SteroidHistory.joint(context) + " steroid (" + SteroidHistory.drug(last) + ") " + days
                + " days ago on " + Wording.date(last.date()) + ", counted to " + context.referenceDayWords();
        List<SourceAnswer> answers = List.of(new SourceAnswer("Pfizer UK / Cochrane (RI-01)", "3 months"),
                new SourceAnswer("Østergaard (RI-03)", "6 weeks"),
                new SourceAnswer("Depo-Medrone SmPC (RI-02)", "1–5 or more weeks, by response"),
                new SourceAnswer("Kenalog SmPC (RI-07)", "when symptoms recur"));
        String policyChoice = "steroid-minimum-interval-days = " + minimum + ", steroid-preferred-interval-days = " + preferred;
        if (days < minimum) {
            context.add(this, Severity.STOP, facts + "; minimum " + minimum + ": too soon; earliest "
                    + Wording.date(last.date().plusDays(minimum)) + " with a justification, "
                    + Wording.date(last.date().plusDays(preferred)) + " without [RI-01, RI-03]", answers, policyChoice, false,
                    rebook(last.date().plusDays(minimum), "with a justification"),
                    rebook(last.date().plusDays(preferred), "without a justification"));
        } else if (days < preferred) {
            context.add(this, Severity.WARN, facts + "; preferred minimum " + preferred + " (3 months): soft stop, record "
                    + "a justification; meets the " + minimum + "-day rule and the SmPC window; earliest without "
                    + "justification " + Wording.date(last.date().plusDays(preferred)) + " [RI-01, RI-02, RI-03]", answers,
                    policyChoice, true, rebook(last.date().plusDays(preferred), "without a justification"));
        }
    }
}
