package org.synovia.vetting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralSafety;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;
import org.synovia.shared.Laterality;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;
import org.synovia.waitinglist.Priority;

/**
 * How the injection is to be done, as the vetting radiologist sets it. Pre-filled from the site's
 * template ({@link org.synovia.catalogue.ProtocolTemplate}) and edited. The drugs above are the main
 * target's; {@code targets} holds the drugs and volumes of each further target of the session, in the
 * referral's order (ADR 0040).
 */
public record Protocol(Guidance guidance, String approach, String corticosteroid, BigDecimal corticosteroidDoseMg,
        String localAnaesthetic, BigDecimal localAnaestheticMl, boolean contrast, String operatorGrade,
        String namedOperator, Integer slotMinutes, Priority priority, boolean oneStopEligible, List<Target> targets) {

    static final int MIN_SLOT_MINUTES = 10;
    static final int MAX_SLOT_MINUTES = 120;
    static final BigDecimal MAX_CORTICOSTEROID_DOSE_MG = new BigDecimal("120");
    static final BigDecimal MAX_LOCAL_ANAESTHETIC_ML = new BigDecimal("30");
    /** Above the strongest local anaesthetic the service uses (2% lidocaine): a typing slip, not a choice. */
    static final BigDecimal MAX_LOCAL_ANAESTHETIC_PERCENT = new BigDecimal("2");

    public Protocol {
        targets = List.copyOf(targets == null ? List.of() : targets);
    }

    /** A protocol of one target. */
    public Protocol(Guidance guidance, String approach, String corticosteroid, BigDecimal corticosteroidDoseMg,
            String localAnaesthetic, BigDecimal localAnaestheticMl, boolean contrast, String operatorGrade,
            String namedOperator, Integer slotMinutes, Priority priority, boolean oneStopEligible) {
        this(guidance, approach, corticosteroid, corticosteroidDoseMg, localAnaesthetic, localAnaestheticMl, contrast,
                operatorGrade, namedOperator, slotMinutes, priority, oneStopEligible, List.of());
    }

    /**
     * The drugs at one further target: the site, side and level are the referral's; the drugs are the engine's
     * own typed values (an {@link InjectedAgent}, mg, % and mL), never words to be parsed.
     *
     * @param corticosteroid a corticosteroid or hyaluronan, or null for local anaesthetic only
     * @param localAnaestheticPercent the strength (1% = 10 mg/mL)
     */
    public record Target(String siteCode, Laterality side, String spinalLevel, InjectedAgent corticosteroid,
            BigDecimal corticosteroidDoseMg, InjectedAgent localAnaesthetic, BigDecimal localAnaestheticPercent,
            BigDecimal localAnaestheticMl) {

        public Target {
            side = side == null ? Laterality.NOT_APPLICABLE : side;
        }

        /** The drugs as the safety engine reads them. */
        public List<PlannedDrug> drugs() {
            List<PlannedDrug> drugs = new ArrayList<>();
            if (corticosteroid != null) {
                drugs.add(new PlannedDrug(corticosteroid, corticosteroidDoseMg == null ? null : corticosteroidDoseMg.doubleValue(),
                        null, null, null, false));
            }
            if (localAnaesthetic != null) {
                drugs.add(new PlannedDrug(localAnaesthetic, null,
                        localAnaestheticPercent == null ? null : localAnaestheticPercent.doubleValue(), null,
                        localAnaestheticMl == null ? null : localAnaestheticMl.doubleValue(), false));
            }
            return drugs;
        }

        /** The drugs in words for the day list and the record, e.g. "methylprednisolone acetate 20 mg; bupivacaine 0.5% 12 mL". */
        public String drugsInWords() {
            List<String> words = new ArrayList<>();
            if (corticosteroid != null) {
                words.add(corticosteroid.label() + (corticosteroidDoseMg == null ? "" : " " + plain(corticosteroidDoseMg) + " mg"));
            }
            if (localAnaesthetic != null) {
                words.add(localAnaesthetic.label() + (localAnaestheticPercent == null ? "" : " " + plain(localAnaestheticPercent) + "%")
                        + (localAnaestheticMl == null ? "" : " " + plain(localAnaestheticMl) + " mL"));
            }
            return String.join("; ", words);
        }

        private static String plain(BigDecimal value) {
            return value.stripTrailingZeros().toPlainString();
        }

        /** The same site, side and level as the referral's target. */
        boolean sameTargetAs(ReferralDetails.Target target) {
            return java.util.Objects.equals(siteCode, target.siteCode()) && side == target.laterality()
                    && java.util.Objects.equals(spinalLevel, target.spinalLevel());
        }

        private void check(String at, List<FieldProblem> problems) {
            if (corticosteroid != null && corticosteroid.localAnaesthetic()) {
                problems.add(new FieldProblem(at + "corticosteroid", "Choose a corticosteroid or hyaluronan here; the local "
                        + "anaesthetic has its own field."));
            }
            else if (corticosteroid != null && corticosteroid != InjectedAgent.HYALURONAN && corticosteroidDoseMg == null) {
                problems.add(new FieldProblem(at + "corticosteroidDoseMg", "Give the corticosteroid dose in mg."));
            }
            if (corticosteroidDoseMg != null && corticosteroid == null) {
                problems.add(new FieldProblem(at + "corticosteroid", "Choose the corticosteroid for this dose, or clear the dose."));
            }
            if (corticosteroidDoseMg != null && (corticosteroidDoseMg.signum() <= 0
                    || corticosteroidDoseMg.compareTo(MAX_CORTICOSTEROID_DOSE_MG) > 0)) {
                problems.add(new FieldProblem(at + "corticosteroidDoseMg", "Enter a dose between 0 and "
                        + MAX_CORTICOSTEROID_DOSE_MG + " mg."));
            }
            if (localAnaesthetic != null && !localAnaesthetic.localAnaesthetic()) {
                problems.add(new FieldProblem(at + "localAnaesthetic", "Choose lidocaine, bupivacaine or levobupivacaine."));
            }
            if (localAnaesthetic == null && (localAnaestheticPercent != null || localAnaestheticMl != null)) {
                problems.add(new FieldProblem(at + "localAnaesthetic", "Choose the local anaesthetic, or clear its strength and volume."));
            }
            if (localAnaesthetic != null && localAnaestheticPercent == null) {
                problems.add(new FieldProblem(at + "localAnaestheticPercent", "Give the strength in %, for example 0.5."));
            }
            if (localAnaestheticPercent != null && (localAnaestheticPercent.signum() <= 0
                    || localAnaestheticPercent.compareTo(MAX_LOCAL_ANAESTHETIC_PERCENT) > 0)) {
                problems.add(new FieldProblem(at + "localAnaestheticPercent", "Enter a strength between 0 and "
                        + MAX_LOCAL_ANAESTHETIC_PERCENT + "%."));
            }
            if (localAnaesthetic != null && localAnaestheticMl == null) {
                problems.add(new FieldProblem(at + "localAnaestheticMl", "Give the local anaesthetic volume in mL."));
            }
            if (localAnaestheticMl != null && (localAnaestheticMl.signum() <= 0
                    || localAnaestheticMl.compareTo(MAX_LOCAL_ANAESTHETIC_ML) > 0)) {
                problems.add(new FieldProblem(at + "localAnaestheticMl", "Enter a volume between 0 and "
                        + MAX_LOCAL_ANAESTHETIC_ML + " mL."));
            }
            if (corticosteroid == null && corticosteroidDoseMg == null && localAnaesthetic == null
                    && localAnaestheticPercent == null && localAnaestheticMl == null) {
                problems.add(new FieldProblem(at + "localAnaesthetic", "Give what is injected at this target."));
            }
        }
    }

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
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).check("targets[" + i + "].", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return this;
    }
}
