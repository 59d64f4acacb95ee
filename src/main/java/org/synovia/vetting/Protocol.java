package org.synovia.vetting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.synovia.referral.ReferralSafety;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;
import org.synovia.waitinglist.Priority;

/**
 * How the injection is to be done, as the vetting radiologist sets it. Pre-filled from the site's
 * template ({@link ProtocolTemplates}) and edited.
 */
public record Protocol(Guidance guidance, String approach, String corticosteroid, BigDecimal corticosteroidDoseMg,
        String localAnaesthetic, BigDecimal localAnaestheticMl, boolean contrast, String operatorGrade,
        String namedOperator, Integer slotMinutes, Priority priority, boolean oneStopEligible) {

    static final int MIN_SLOT_MINUTES = 10;
    static final int MAX_SLOT_MINUTES = 120;

    public Protocol validated() {
        List<FieldProblem> problems = new ArrayList<>();
        if (guidance == null) {
            problems.add(new FieldProblem("guidance", "Choose the guidance."));
        }
        if (approach != null && approach.length() > 200) {
            problems.add(new FieldProblem("approach", "Use at most 200 characters."));
        }
        if (corticosteroid != null && !corticosteroid.isBlank() && ReferralSafety.agentFrom(corticosteroid) == null) {
            problems.add(new FieldProblem("corticosteroid", "Name a product the safety checks know: methylprednisolone "
                    + "acetate, triamcinolone acetonide or hexacetonide, prednisolone, hydrocortisone, dexamethasone or hyaluronan."));
        }
        if (localAnaesthetic != null && !localAnaesthetic.isBlank() && ReferralSafety.agentFrom(localAnaesthetic) == null) {
            problems.add(new FieldProblem("localAnaesthetic", "Name lidocaine, bupivacaine or levobupivacaine with its strength, e.g. Lidocaine 1%."));
        }
        if (corticosteroid != null && !corticosteroid.isBlank() && corticosteroidDoseMg == null
                && ReferralSafety.agentFrom(corticosteroid) != org.synovia.safety.InjectedAgent.HYALURONAN) {
            problems.add(new FieldProblem("corticosteroidDoseMg", "Give the corticosteroid dose in mg."));
        }
        if (corticosteroidDoseMg != null && (corticosteroidDoseMg.signum() <= 0 || corticosteroidDoseMg.compareTo(new BigDecimal("120")) > 0)) {
            problems.add(new FieldProblem("corticosteroidDoseMg", "Enter a dose between 0 and 120 mg."));
        }
        if (localAnaesthetic != null && !localAnaesthetic.isBlank() && localAnaestheticMl == null) {
            problems.add(new FieldProblem("localAnaestheticMl", "Give the local anaesthetic volume in mL."));
        }
        if (localAnaestheticMl != null && (localAnaestheticMl.signum() <= 0 || localAnaestheticMl.compareTo(new BigDecimal("30")) > 0)) {
            problems.add(new FieldProblem("localAnaestheticMl", "Enter a volume between 0 and 30 mL."));
        }
        if (contrast && guidance == Guidance.ULTRASOUND) {
            problems.add(new FieldProblem("contrast", "Contrast confirms needle position under X-ray or CT, not ultrasound."));
        }
        if (slotMinutes == null || slotMinutes < MIN_SLOT_MINUTES || slotMinutes > MAX_SLOT_MINUTES) {
            problems.add(new FieldProblem("slotMinutes", "Enter a slot length between " + MIN_SLOT_MINUTES + " and "
                    + MAX_SLOT_MINUTES + " minutes."));
        }
        if (priority == null) {
            problems.add(new FieldProblem("priority", "Choose the priority."));
        }
        if (oneStopEligible && guidance != Guidance.ULTRASOUND && guidance != Guidance.LANDMARK) {
            problems.add(new FieldProblem("oneStopEligible", "One-stop clinics offer ultrasound-guided or landmark injections only."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }
}
