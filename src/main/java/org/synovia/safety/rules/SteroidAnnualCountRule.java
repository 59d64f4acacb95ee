package org.synovia.safety.rules;

import java.util.List;

import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.PreviousInjection;
import org.synovia.safety.Severity;
import org.synovia.safety.SourceAnswer;

/**
 * SAF-061 — steroid injections per joint in 12 months (facts RI-01, RI-03..05, RI-09). Sources: 2–3 a
 * year (RI-01), 3–4 (RI-03, RI-04), not more than 4 (RI-05). Counting this injection, above the policy
 * maximum (default 3) is a soft stop; above 4, the highest figure any source allows, a hard stop. No
 * cumulative annual steroid cap was found (RI-09).
 */
final class SteroidAnnualCountRule implements SafetyRule {

    static final int WINDOW_DAYS = 365;
    static final int HARD_MAX_PER_YEAR = 4;

    @Override
    public String id() {
        return "SAF-061";
    }

    @Override
    public String name() {
        return "Steroid injections per joint per year";
    }

    @Override
    public Severity severity() {
        return Severity.STOP;
    }

    @Override
    public String summary() {
        return "Counts steroid injections into the joint over 12 months including this one; soft stop above the "
                + "policy maximum, hard stop above 4.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(GuidelineReference.of("Depo-Medrone dosing, Pfizer UK, citing Cochrane (S11)", GuidelineReference.UNDATED,
                        "repeat injections", "RI-01"),
                GuidelineReference.of("Østergaard & Halberg (S15); EULAR 2021 discussion (S5); OxPARC (S16)", 2021,
                        "annual limits", "RI-03", "RI-04", "RI-05", "RI-09"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("window " + WINDOW_DAYS + " days", "soft stop above " + policy.steroidMaxPerJointPerYear(),
                "hard stop above " + HARD_MAX_PER_YEAR);
    }

    @Override
    public void evaluate(AssessmentContext context) {
        if (!context.procedure().steroid()) {
            return;
        }
        List<PreviousInjection> withinYear = SteroidHistory.sameJoint(context).stream()
                .filter(p -> p.date().isAfter(context.referenceDate().minusDays(WINDOW_DAYS))).toList();
        if (withinYear.isEmpty()) {
            return;
        }
        int count = withinYear.size() + 1;
        int maximum = context.policy().steroidMaxPerJointPerYear();
        String facts = "steroid injections into the " + SteroidHistory.joint(context) + " in 12 months, counting this one: "
                + count;
        List<SourceAnswer> answers = List.of(new SourceAnswer("Pfizer UK / Cochrane (RI-01)", "2–3 a year"),
                new SourceAnswer("Østergaard, EULAR discussion (RI-03, RI-04)", "3–4 a year"),
                new SourceAnswer("OxPARC (RI-05)", "not more than 4 a year"));
        String policyChoice = "steroid-max-per-joint-per-year = " + maximum;
        if (count > HARD_MAX_PER_YEAR) {
            context.add(this, Severity.STOP, facts + "; above " + HARD_MAX_PER_YEAR + ", the most any source allows: "
                    + "review the treatment plan instead [RI-03, RI-05]", answers, policyChoice, false);
        } else if (count > maximum) {
            context.add(this, Severity.WARN, facts + "; above the local maximum of " + maximum
                    + ": soft stop, record a justification [RI-01, RI-04]", answers, policyChoice, true);
        } else {
            context.add(this, Severity.INFO, facts + "; within " + maximum + " (2–3 and 3–4 a year) [RI-01, RI-03]",
                    answers, policyChoice, false);
        }
    }
}
