package org.synovia.safety.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.synovia.safety.FindingAction;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.PatientFacts.ThromboticRiskMarkers;
import org.synovia.safety.PlanAction;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.Severity;
import org.synovia.shared.Antithrombotic;

/**
 * SAF-011 — high thrombotic risk (facts AC-42): a mechanical heart valve, a coronary stent within 12
 * months or dual antiplatelet therapy (recorded, or aspirin taken with a P2Y12 inhibitor), venous
 * thromboembolism or stroke within 3 months. Such a patient
 * is never stopped automatically: every hold becomes a referral to the prescriber, cardiology or
 * haematology. Where a recent stent or dual antiplatelet therapy meets a procedure for which any source
 * asks for an antiplatelet to be held, the injection is a STOP: it is not booked until the DAPT period
 * ends, unless a consultant records a decision to go ahead without stopping (AC-42). Runs after the drug
 * rules, whose plans it reads.
 */
final class HighThromboticRiskRule implements SafetyRule {

    static final int STENT_WINDOW_MONTHS = 12;
    static final int VTE_OR_STROKE_WINDOW_MONTHS = 3;

    @Override
    public String id() {
        return "SAF-011";
    }

    @Override
    public String name() {
        return "High thrombotic risk: no automatic stop";
    }

    @Override
    public Severity severity() {
        return Severity.WARN;
    }

    @Override
    public String summary() {
        return "Finds high-thrombotic-risk markers; when present no antithrombotic is stopped automatically and "
                + "the plan goes to the prescriber or MDT.";
    }

    @Override
    public List<GuidelineReference> sources() {
        return List.of(Sources.notes("AC-42"), Sources.sir("MDT wording", "AC-21", "AC-30", "AC-42"));
    }

    @Override
    public List<String> thresholds(LocalPolicy policy) {
        return List.of("coronary stent within " + STENT_WINDOW_MONTHS + " months, or DAPT (recorded, or aspirin with a P2Y12 inhibitor)",
                "VTE or stroke within " + VTE_OR_STROKE_WINDOW_MONTHS + " months", "mechanical heart valve");
    }

    static List<String> markers(SafetyInput input, LocalDate on) {
        ThromboticRiskMarkers markers = input.patient().thromboticRisk();
        List<String> found = new ArrayList<>();
        if (markers.mechanicalHeartValve().isYes()) {
            found.add("mechanical heart valve");
        }
        if (markers.coronaryStentDate() != null && markers.coronaryStentDate().plusMonths(STENT_WINDOW_MONTHS).isAfter(on)) {
            found.add("coronary stent on " + Wording.date(markers.coronaryStentDate()) + ", within " + STENT_WINDOW_MONTHS
                    + " months");
        }
        if (markers.onDualAntiplateletTherapy().isYes()) {
            found.add("on dual antiplatelet therapy");
        } else if (takes(input, Set.of(Antithrombotic.ASPIRIN))
                && takes(input, Set.of(Antithrombotic.CLOPIDOGREL, Antithrombotic.PRASUGREL, Antithrombotic.TICAGRELOR))) {
            found.add("aspirin with a P2Y12 inhibitor (dual antiplatelet therapy)");
        }
        if (markers.lastVenousThromboembolism() != null
                && markers.lastVenousThromboembolism().plusMonths(VTE_OR_STROKE_WINDOW_MONTHS).isAfter(on)) {
            found.add("VTE on " + Wording.date(markers.lastVenousThromboembolism()) + ", within "
                    + VTE_OR_STROKE_WINDOW_MONTHS + " months");
        }
        if (markers.lastStroke() != null && markers.lastStroke().plusMonths(VTE_OR_STROKE_WINDOW_MONTHS).isAfter(on)) {
            found.add("stroke on " + Wording.date(markers.lastStroke()) + ", within " + VTE_OR_STROKE_WINDOW_MONTHS
                    + " months");
        }
        return found;
    }

    private static boolean takes(SafetyInput input, Set<Antithrombotic> drugs) {
        return input.medicines().stream().anyMatch(m -> m.drug() != null && drugs.contains(m.drug()));
    }

    @Override
    public void evaluate(AssessmentContext context) {
        if (context.highThromboticRisk().isEmpty()) {
            return;
        }
        List<MedicationPlan> antiplateletStops = context.plans().stream()
                .filter(p -> p.drug() != null && p.drug().kind() == Antithrombotic.Kind.ANTIPLATELET)
                .filter(p -> p.action() != PlanAction.CONTINUE && p.minimumHoursSinceLastDose() != null)
                .toList();
        Optional<String> dualAntiplateletPeriod = dualAntiplateletPeriod(context);
        if (dualAntiplateletPeriod.isPresent() && !antiplateletStops.isEmpty()) {
            LocalDate periodEnds = stentPeriodEnds(context);
            List<FindingAction> actions = new ArrayList<>();
            if (periodEnds != null) {
                actions.add(new FindingAction(FindingAction.Kind.REBOOK_AFTER, "Rebook on or after "
                        + Wording.date(periodEnds) + ", when the 12-month dual antiplatelet period ends", periodEnds));
            }
            actions.add(FindingAction.of(FindingAction.Kind.AGREE_WITH_PRESCRIBER,
                    "Ask cardiology whether the injection may go ahead without stopping, or after the period"));
            context.add(this, Severity.STOP, dualAntiplateletPeriod.get() + ": this procedure would need "
                    + String.join(", ", antiplateletStops.stream().map(MedicationPlan::medicine).toList())
                    + " held by at least one source, and a stop in the dual antiplatelet period is not ours to make. "
                    + "Do not book: defer the elective injection until the period ends"
                    + (periodEnds == null ? "" : " (" + Wording.date(periodEnds) + ")")
                    + ", or go ahead without stopping only on a consultant's recorded decision with the cardiologist [AC-42]",
                    sources(), List.of(), null, false, actions);
            return;
        }
        boolean onAntithrombotic = context.input().medicines().stream().anyMatch(m -> m.drug() != null);
        context.add(this, Severity.WARN, "High thrombotic risk (" + String.join(", ", context.highThromboticRisk())
                + ") " + context.referenceDayWords() + ": no antithrombotic is stopped automatically"
                + (onAntithrombotic ? "; any stop is for the prescriber, cardiology or haematology (MDT) to decide" : "")
                + "; defer an elective injection until a fixed DAPT period ends where possible [AC-42]", List.of(), null,
                true);
    }

    /** A coronary stent within the window, or dual antiplatelet therapy, in words. */
    private static Optional<String> dualAntiplateletPeriod(AssessmentContext context) {
        return context.highThromboticRisk().stream()
                .filter(marker -> marker.startsWith("coronary stent") || marker.contains("dual antiplatelet"))
                .reduce((a, b) -> a + "; " + b)
                .map(words -> Character.toUpperCase(words.charAt(0)) + words.substring(1));
    }

    private static LocalDate stentPeriodEnds(AssessmentContext context) {
        LocalDate stent = context.patient().thromboticRisk().coronaryStentDate();
        return stent == null ? null : stent.plusMonths(STENT_WINDOW_MONTHS);
    }
}
