package org.synovia.referral.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.format.annotation.DateTimeFormat;
import org.synovia.referral.AllergyCategory;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Indication;
import org.synovia.referral.Intent;
import org.synovia.referral.PregnancyPossibility;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferrerSetting;
import org.synovia.referral.RequestedInjectate;
import org.synovia.referral.TreatmentKind;
import org.synovia.referral.Urgency;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Laterality;
import org.synovia.shared.YesNoUnknown;

/**
 * The referral form as typed. Each list has a few blank rows; rows left blank are dropped before
 * validation, so the form works without JavaScript. Further targets start with none: "Add another
 * target" posts the form and shows it again with one more blank target row.
 */
public class ReferralForm {

    static final int BLANK_ROWS = 3;

    private UUID submissionKey = UUID.randomUUID();
    private UUID patientId;
    private String siteCode;
    private Laterality laterality;
    private String spinalLevel;
    private Intent intent;
    private Indication indication;
    private String indicationDetail;
    private String clinicalQuestion;
    private List<TreatmentRow> treatments = rows(TreatmentRow::new);
    private List<PreviousInjectionRow> previousInjections = rows(PreviousInjectionRow::new);
    private List<AntithromboticRow> antithrombotics = rows(AntithromboticRow::new);
    private String otherMedicines;
    private boolean noKnownAllergies;
    private List<AllergyRow> allergies = rows(AllergyRow::new);
    private DiabetesType diabetes;
    // Every yes/no clinical question starts "not known": a question left alone is never read as no (ADR 0031).
    private YesNoUnknown takesInsulin = YesNoUnknown.NOT_KNOWN;
    private Integer hba1cMmolPerMol;
    private YesNoUnknown prostheticJointAtSite = YesNoUnknown.NOT_KNOWN;
    private YesNoUnknown infectionAtSite = YesNoUnknown.NOT_KNOWN;
    private YesNoUnknown systemicInfection = YesNoUnknown.NOT_KNOWN;
    private YesNoUnknown suspectedSepticJoint = YesNoUnknown.NOT_KNOWN;
    private YesNoUnknown previousContrastReaction = YesNoUnknown.NOT_KNOWN;
    private YesNoUnknown olderAge = YesNoUnknown.NOT_KNOWN;
    private YesNoUnknown bleedingTendency = YesNoUnknown.NOT_KNOWN;
    private YesNoUnknown advancedLiverDisease = YesNoUnknown.NOT_KNOWN;
    private YesNoUnknown advancedRenalDisease = YesNoUnknown.NOT_KNOWN;
    private BigDecimal inrValue;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate inrDate;
    private YesNoUnknown childbearingPotential = YesNoUnknown.NOT_KNOWN;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate lastMenstrualPeriod;
    private boolean pregnancyAskedPrivately;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate plannedReplacementDate;
    private String plannedReplacementSurgeonName;
    private String plannedReplacementSurgeonEmail;
    private PregnancyPossibility pregnancy;
    private BigDecimal weightKg;
    private Integer creatinineUmolPerL;
    private Integer egfr;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate renalTestDate;
    private Urgency urgency = Urgency.ROUTINE;
    private String referrerName;
    private String referrerRole;
    private String referrerOrganisation;
    private String referrerPhone;
    private String referrerEmail;
    private RequestedInjectate requestedInjectate = RequestedInjectate.CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC;
    private boolean radicularPain;
    private ReferrerSetting referrerSetting = ReferrerSetting.SECONDARY_CARE;
    private BigDecimal heightCm;
    private YesNoUnknown mechanicalHeartValve = YesNoUnknown.NOT_KNOWN;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate coronaryStentDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate lastVteDate;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate lastStrokeDate;
    private String amendmentReason;
    private List<TargetRow> additionalTargets = new ArrayList<>();

    /** The form filled with a stored referral's details, for a correction. */
    static ReferralForm from(ReferralDetails d) {
        ReferralForm f = new ReferralForm();
        f.patientId = d.patientId();
        f.siteCode = d.siteCode();
        f.laterality = d.laterality();
        f.spinalLevel = d.spinalLevel();
        f.intent = d.intent();
        f.indication = d.indication();
        f.indicationDetail = d.indicationDetail();
        f.clinicalQuestion = d.clinicalQuestion();
        f.treatments = new ArrayList<>(d.treatments().stream().map(t -> {
            TreatmentRow row = new TreatmentRow();
            row.kind = t.kind();
            row.durationWeeks = t.durationWeeks();
            row.detail = t.detail();
            return row;
        }).toList());
        f.previousInjections = new ArrayList<>(d.previousInjections().stream().map(p -> {
            PreviousInjectionRow row = new PreviousInjectionRow();
            row.siteCode = p.siteCode();
            row.laterality = p.laterality();
            row.date = p.date();
            row.drug = p.drug();
            return row;
        }).toList());
        f.antithrombotics = new ArrayList<>(d.antithrombotics().stream().map(m -> {
            AntithromboticRow row = new AntithromboticRow();
            row.drug = m.drug();
            row.dose = m.dose();
            row.frequency = m.frequency();
            row.doseTimes = m.doseTimes();
            return row;
        }).toList());
        f.otherMedicines = d.otherMedicines();
        f.noKnownAllergies = d.noKnownAllergies();
        f.allergies = new ArrayList<>(d.allergies().stream().map(a -> {
            AllergyRow row = new AllergyRow();
            row.category = a.category();
            row.agent = a.agent();
            row.reaction = a.reaction();
            return row;
        }).toList());
        f.diabetes = d.diabetes();
        f.takesInsulin = d.takesInsulin();
        f.hba1cMmolPerMol = d.hba1cMmolPerMol();
        f.prostheticJointAtSite = d.prostheticJointAtSite();
        f.infectionAtSite = d.infectionAtSite();
        f.systemicInfection = d.systemicInfection();
        f.pregnancy = d.pregnancy();
        f.weightKg = d.weightKg();
        f.heightCm = d.heightCm();
        f.creatinineUmolPerL = d.creatinineUmolPerL();
        f.egfr = d.egfr();
        f.renalTestDate = d.renalTestDate();
        f.urgency = d.urgency();
        f.referrerName = d.referrer().name();
        f.referrerRole = d.referrer().role();
        f.referrerOrganisation = d.referrer().organisation();
        f.referrerPhone = d.referrer().phone();
        f.referrerEmail = d.referrer().email();
        f.requestedInjectate = d.requestedInjectate();
        f.radicularPain = d.radicularPain();
        f.referrerSetting = d.referrerSetting();
        f.mechanicalHeartValve = d.thromboticRisk().mechanicalHeartValve();
        f.coronaryStentDate = d.thromboticRisk().coronaryStentDate();
        f.lastVteDate = d.thromboticRisk().lastVteDate();
        f.lastStrokeDate = d.thromboticRisk().lastStrokeDate();
        f.suspectedSepticJoint = d.suspectedSepticJoint();
        f.previousContrastReaction = d.previousContrastReaction();
        f.olderAge = d.olderAge();
        f.bleedingTendency = d.bleedingTendency();
        f.advancedLiverDisease = d.advancedLiverDisease();
        f.advancedRenalDisease = d.advancedRenalDisease();
        f.inrValue = d.inrValue();
        f.inrDate = d.inrDate();
        f.childbearingPotential = d.childbearingPotential();
        f.lastMenstrualPeriod = d.lastMenstrualPeriod();
        f.pregnancyAskedPrivately = d.pregnancyAskedPrivately();
        f.plannedReplacementDate = d.plannedReplacementDate();
        f.plannedReplacementSurgeonName = d.plannedReplacementSurgeonName();
        f.plannedReplacementSurgeonEmail = d.plannedReplacementSurgeonEmail();
        f.additionalTargets = new ArrayList<>(d.additionalTargets().stream().map(t -> {
            TargetRow row = new TargetRow();
            row.siteCode = t.siteCode();
            row.laterality = t.laterality();
            row.spinalLevel = t.spinalLevel();
            row.requestedInjectate = t.requestedInjectate();
            return row;
        }).toList());
        f.padRows();
        return f;
    }

    private static <T> List<T> rows(java.util.function.Supplier<T> blank) {
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(blank.get());
        }
        return rows;
    }

    /**
     * Drops blank rows so that problems are reported against the rows the user filled; the rows
     * kept are moved up, so their indexes match the details built from them.
     */
    void dropBlankRows() {
        treatments = keep(treatments, TreatmentRow::isBlank);
        previousInjections = keep(previousInjections, PreviousInjectionRow::isBlank);
        antithrombotics = keep(antithrombotics, AntithromboticRow::isBlank);
        allergies = keep(allergies, AllergyRow::isBlank);
        additionalTargets = keep(additionalTargets, TargetRow::isBlank);
    }

    /** One more blank target row, asked for by "Add another target"; what to inject starts as for the main target. */
    void addTarget() {
        TargetRow row = new TargetRow();
        row.requestedInjectate = requestedInjectate;
        additionalTargets.add(row);
    }

    /** Takes a target row out, asked for by its "Remove" button; an index out of range changes nothing. */
    void removeTarget(int index) {
        if (index >= 0 && index < additionalTargets.size()) {
            additionalTargets.remove(index);
        }
    }

    /** Pads the lists with blank rows again for redisplay. */
    void padRows() {
        while (treatments.size() < BLANK_ROWS) treatments.add(new TreatmentRow());
        while (previousInjections.size() < BLANK_ROWS) previousInjections.add(new PreviousInjectionRow());
        while (antithrombotics.size() < BLANK_ROWS) antithrombotics.add(new AntithromboticRow());
        while (allergies.size() < BLANK_ROWS) allergies.add(new AllergyRow());
    }

    private static <T> List<T> keep(List<T> rows, Predicate<T> blank) {
        List<T> kept = new ArrayList<>();
        for (T row : rows == null ? List.<T>of() : rows) {
            if (row != null && !blank.test(row)) {
                kept.add(row);
            }
        }
        return kept;
    }

    ReferralDetails toDetails() {
        return new ReferralDetails(patientId, siteCode, laterality, spinalLevel, intent, indication, indicationDetail,
                clinicalQuestion,
                treatments.stream().map(t -> new ReferralDetails.TreatmentTried(t.kind, t.durationWeeks, t.detail)).toList(),
                previousInjections.stream().map(p -> new ReferralDetails.PreviousInjection(blankToNull(p.siteCode), p.laterality,
                        p.date, p.drug)).toList(),
                antithrombotics.stream().map(a -> new ReferralDetails.AntithromboticMedicine(a.drug, a.dose, a.frequency,
                        a.doseTimes)).toList(),
                otherMedicines, noKnownAllergies,
                allergies.stream().map(a -> new ReferralDetails.Allergy(a.category, a.agent, a.reaction)).toList(),
                diabetes, takesInsulin, hba1cMmolPerMol, prostheticJointAtSite, infectionAtSite, systemicInfection, pregnancy,
                weightKg, creatinineUmolPerL, egfr, renalTestDate, urgency,
                new ReferralDetails.Referrer(referrerName, referrerRole, referrerOrganisation, referrerPhone, referrerEmail),
                requestedInjectate, radicularPain, referrerSetting, heightCm,
                new ReferralDetails.ThromboticRisk(mechanicalHeartValve, coronaryStentDate, lastVteDate, lastStrokeDate),
                suspectedSepticJoint, previousContrastReaction, olderAge, bleedingTendency, advancedLiverDisease,
                advancedRenalDisease, inrValue, inrDate, childbearingPotential, lastMenstrualPeriod, pregnancyAskedPrivately,
                plannedReplacementDate, plannedReplacementSurgeonName, plannedReplacementSurgeonEmail,
                additionalTargets.stream().map(t -> new ReferralDetails.Target(blankToNull(t.siteCode), t.laterality,
                        t.spinalLevel, t.requestedInjectate)).toList());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value;
    }

    /**
     * A further target of the session. What to inject alone does not make a row: an added row keeps the main
     * target's choice until a site or side is given.
     */
    public static class TargetRow {
        private String siteCode;
        private Laterality laterality;
        private String spinalLevel;
        private RequestedInjectate requestedInjectate;

        boolean isBlank() { return blank(siteCode) && laterality == null && blank(spinalLevel); }
        public String getSiteCode() { return siteCode; }
        public void setSiteCode(String siteCode) { this.siteCode = siteCode; }
        public Laterality getLaterality() { return laterality; }
        public void setLaterality(Laterality laterality) { this.laterality = laterality; }
        public String getSpinalLevel() { return spinalLevel; }
        public void setSpinalLevel(String spinalLevel) { this.spinalLevel = spinalLevel; }
        public RequestedInjectate getRequestedInjectate() { return requestedInjectate; }
        public void setRequestedInjectate(RequestedInjectate requestedInjectate) { this.requestedInjectate = requestedInjectate; }
    }

    public static class TreatmentRow {
        private TreatmentKind kind;
        private Integer durationWeeks;
        private String detail;

        boolean isBlank() { return kind == null && durationWeeks == null && blank(detail); }
        public TreatmentKind getKind() { return kind; }
        public void setKind(TreatmentKind kind) { this.kind = kind; }
        public Integer getDurationWeeks() { return durationWeeks; }
        public void setDurationWeeks(Integer durationWeeks) { this.durationWeeks = durationWeeks; }
        public String getDetail() { return detail; }
        public void setDetail(String detail) { this.detail = detail; }
    }

    public static class PreviousInjectionRow {
        private String siteCode;
        private Laterality laterality;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate date;
        private String drug;

        boolean isBlank() { return blank(siteCode) && laterality == null && date == null && blank(drug); }
        public String getSiteCode() { return siteCode; }
        public void setSiteCode(String siteCode) { this.siteCode = siteCode; }
        public Laterality getLaterality() { return laterality; }
        public void setLaterality(Laterality laterality) { this.laterality = laterality; }
        public LocalDate getDate() { return date; }
        public void setDate(LocalDate date) { this.date = date; }
        public String getDrug() { return drug; }
        public void setDrug(String drug) { this.drug = drug; }
    }

    public static class AntithromboticRow {
        private Antithrombotic drug;
        private String dose;
        private DoseFrequency frequency;
        private String doseTimes;

        boolean isBlank() { return drug == null && blank(dose) && frequency == null && blank(doseTimes); }
        public Antithrombotic getDrug() { return drug; }
        public void setDrug(Antithrombotic drug) { this.drug = drug; }
        public String getDose() { return dose; }
        public void setDose(String dose) { this.dose = dose; }
        public DoseFrequency getFrequency() { return frequency; }
        public void setFrequency(DoseFrequency frequency) { this.frequency = frequency; }
        public String getDoseTimes() { return doseTimes; }
        public void setDoseTimes(String doseTimes) { this.doseTimes = doseTimes; }
    }

    public static class AllergyRow {
        private AllergyCategory category;
        private String agent;
        private String reaction;

        boolean isBlank() { return category == null && blank(agent) && blank(reaction); }
        public AllergyCategory getCategory() { return category; }
        public void setCategory(AllergyCategory category) { this.category = category; }
        public String getAgent() { return agent; }
        public void setAgent(String agent) { this.agent = agent; }
        public String getReaction() { return reaction; }
        public void setReaction(String reaction) { this.reaction = reaction; }
    }

    public UUID getSubmissionKey() { return submissionKey; }
    public void setSubmissionKey(UUID submissionKey) { this.submissionKey = submissionKey; }
    public UUID getPatientId() { return patientId; }
    public void setPatientId(UUID patientId) { this.patientId = patientId; }
    public String getSiteCode() { return siteCode; }
    public void setSiteCode(String siteCode) { this.siteCode = siteCode; }
    public Laterality getLaterality() { return laterality; }
    public void setLaterality(Laterality laterality) { this.laterality = laterality; }
    public String getSpinalLevel() { return spinalLevel; }
    public void setSpinalLevel(String spinalLevel) { this.spinalLevel = spinalLevel; }
    public Intent getIntent() { return intent; }
    public void setIntent(Intent intent) { this.intent = intent; }
    public Indication getIndication() { return indication; }
    public void setIndication(Indication indication) { this.indication = indication; }
    public String getIndicationDetail() { return indicationDetail; }
    public void setIndicationDetail(String indicationDetail) { this.indicationDetail = indicationDetail; }
    public String getClinicalQuestion() { return clinicalQuestion; }
    public void setClinicalQuestion(String clinicalQuestion) { this.clinicalQuestion = clinicalQuestion; }
    public List<TreatmentRow> getTreatments() { return treatments; }
    public void setTreatments(List<TreatmentRow> treatments) { this.treatments = treatments; }
    public List<PreviousInjectionRow> getPreviousInjections() { return previousInjections; }
    public void setPreviousInjections(List<PreviousInjectionRow> previousInjections) { this.previousInjections = previousInjections; }
    public List<AntithromboticRow> getAntithrombotics() { return antithrombotics; }
    public void setAntithrombotics(List<AntithromboticRow> antithrombotics) { this.antithrombotics = antithrombotics; }
    public String getOtherMedicines() { return otherMedicines; }
    public void setOtherMedicines(String otherMedicines) { this.otherMedicines = otherMedicines; }
    public boolean isNoKnownAllergies() { return noKnownAllergies; }
    public void setNoKnownAllergies(boolean noKnownAllergies) { this.noKnownAllergies = noKnownAllergies; }
    public List<AllergyRow> getAllergies() { return allergies; }
    public void setAllergies(List<AllergyRow> allergies) { this.allergies = allergies; }
    public DiabetesType getDiabetes() { return diabetes; }
    public void setDiabetes(DiabetesType diabetes) { this.diabetes = diabetes; }
    public YesNoUnknown getTakesInsulin() { return takesInsulin; }
    public void setTakesInsulin(YesNoUnknown takesInsulin) { this.takesInsulin = takesInsulin; }
    public Integer getHba1cMmolPerMol() { return hba1cMmolPerMol; }
    public void setHba1cMmolPerMol(Integer hba1cMmolPerMol) { this.hba1cMmolPerMol = hba1cMmolPerMol; }
    public YesNoUnknown getProstheticJointAtSite() { return prostheticJointAtSite; }
    public void setProstheticJointAtSite(YesNoUnknown prostheticJointAtSite) { this.prostheticJointAtSite = prostheticJointAtSite; }
    public YesNoUnknown getInfectionAtSite() { return infectionAtSite; }
    public void setInfectionAtSite(YesNoUnknown infectionAtSite) { this.infectionAtSite = infectionAtSite; }
    public YesNoUnknown getSystemicInfection() { return systemicInfection; }
    public void setSystemicInfection(YesNoUnknown systemicInfection) { this.systemicInfection = systemicInfection; }
    public PregnancyPossibility getPregnancy() { return pregnancy; }
    public void setPregnancy(PregnancyPossibility pregnancy) { this.pregnancy = pregnancy; }
    public BigDecimal getWeightKg() { return weightKg; }
    public void setWeightKg(BigDecimal weightKg) { this.weightKg = weightKg; }
    public Integer getCreatinineUmolPerL() { return creatinineUmolPerL; }
    public void setCreatinineUmolPerL(Integer creatinineUmolPerL) { this.creatinineUmolPerL = creatinineUmolPerL; }
    public Integer getEgfr() { return egfr; }
    public void setEgfr(Integer egfr) { this.egfr = egfr; }
    public LocalDate getRenalTestDate() { return renalTestDate; }
    public void setRenalTestDate(LocalDate renalTestDate) { this.renalTestDate = renalTestDate; }
    public Urgency getUrgency() { return urgency; }
    public void setUrgency(Urgency urgency) { this.urgency = urgency; }
    public String getReferrerName() { return referrerName; }
    public void setReferrerName(String referrerName) { this.referrerName = referrerName; }
    public String getReferrerRole() { return referrerRole; }
    public void setReferrerRole(String referrerRole) { this.referrerRole = referrerRole; }
    public String getReferrerOrganisation() { return referrerOrganisation; }
    public void setReferrerOrganisation(String referrerOrganisation) { this.referrerOrganisation = referrerOrganisation; }
    public String getReferrerPhone() { return referrerPhone; }
    public void setReferrerPhone(String referrerPhone) { this.referrerPhone = referrerPhone; }
    public String getReferrerEmail() { return referrerEmail; }
    public void setReferrerEmail(String referrerEmail) { this.referrerEmail = referrerEmail; }
    public RequestedInjectate getRequestedInjectate() { return requestedInjectate; }
    public void setRequestedInjectate(RequestedInjectate requestedInjectate) { this.requestedInjectate = requestedInjectate; }
    public boolean isRadicularPain() { return radicularPain; }
    public void setRadicularPain(boolean radicularPain) { this.radicularPain = radicularPain; }
    public String getAmendmentReason() { return amendmentReason; }
    public void setAmendmentReason(String amendmentReason) { this.amendmentReason = amendmentReason; }
    public BigDecimal getHeightCm() { return heightCm; }
    public void setHeightCm(BigDecimal heightCm) { this.heightCm = heightCm; }
    public YesNoUnknown getMechanicalHeartValve() { return mechanicalHeartValve; }
    public void setMechanicalHeartValve(YesNoUnknown mechanicalHeartValve) { this.mechanicalHeartValve = mechanicalHeartValve; }
    public LocalDate getCoronaryStentDate() { return coronaryStentDate; }
    public void setCoronaryStentDate(LocalDate coronaryStentDate) { this.coronaryStentDate = coronaryStentDate; }
    public LocalDate getLastVteDate() { return lastVteDate; }
    public void setLastVteDate(LocalDate lastVteDate) { this.lastVteDate = lastVteDate; }
    public LocalDate getLastStrokeDate() { return lastStrokeDate; }
    public void setLastStrokeDate(LocalDate lastStrokeDate) { this.lastStrokeDate = lastStrokeDate; }
    public ReferrerSetting getReferrerSetting() { return referrerSetting; }
    public void setReferrerSetting(ReferrerSetting referrerSetting) { this.referrerSetting = referrerSetting; }
    public YesNoUnknown getSuspectedSepticJoint() { return suspectedSepticJoint; }
    public void setSuspectedSepticJoint(YesNoUnknown suspectedSepticJoint) { this.suspectedSepticJoint = suspectedSepticJoint; }
    public YesNoUnknown getPreviousContrastReaction() { return previousContrastReaction; }
    public void setPreviousContrastReaction(YesNoUnknown previousContrastReaction) { this.previousContrastReaction = previousContrastReaction; }
    public YesNoUnknown getOlderAge() { return olderAge; }
    public void setOlderAge(YesNoUnknown olderAge) { this.olderAge = olderAge; }
    public YesNoUnknown getBleedingTendency() { return bleedingTendency; }
    public void setBleedingTendency(YesNoUnknown bleedingTendency) { this.bleedingTendency = bleedingTendency; }
    public YesNoUnknown getAdvancedLiverDisease() { return advancedLiverDisease; }
    public void setAdvancedLiverDisease(YesNoUnknown advancedLiverDisease) { this.advancedLiverDisease = advancedLiverDisease; }
    public YesNoUnknown getAdvancedRenalDisease() { return advancedRenalDisease; }
    public void setAdvancedRenalDisease(YesNoUnknown advancedRenalDisease) { this.advancedRenalDisease = advancedRenalDisease; }
    public BigDecimal getInrValue() { return inrValue; }
    public void setInrValue(BigDecimal inrValue) { this.inrValue = inrValue; }
    public LocalDate getInrDate() { return inrDate; }
    public void setInrDate(LocalDate inrDate) { this.inrDate = inrDate; }
    public YesNoUnknown getChildbearingPotential() { return childbearingPotential; }
    public void setChildbearingPotential(YesNoUnknown childbearingPotential) { this.childbearingPotential = childbearingPotential; }
    public LocalDate getLastMenstrualPeriod() { return lastMenstrualPeriod; }
    public void setLastMenstrualPeriod(LocalDate lastMenstrualPeriod) { this.lastMenstrualPeriod = lastMenstrualPeriod; }
    public LocalDate getPlannedReplacementDate() { return plannedReplacementDate; }
    public void setPlannedReplacementDate(LocalDate plannedReplacementDate) { this.plannedReplacementDate = plannedReplacementDate; }
    public String getPlannedReplacementSurgeonName() { return plannedReplacementSurgeonName; }
    public void setPlannedReplacementSurgeonName(String plannedReplacementSurgeonName) { this.plannedReplacementSurgeonName = plannedReplacementSurgeonName; }
    public String getPlannedReplacementSurgeonEmail() { return plannedReplacementSurgeonEmail; }
    public void setPlannedReplacementSurgeonEmail(String plannedReplacementSurgeonEmail) { this.plannedReplacementSurgeonEmail = plannedReplacementSurgeonEmail; }
    public List<TargetRow> getAdditionalTargets() { return additionalTargets; }
    public void setAdditionalTargets(List<TargetRow> additionalTargets) { this.additionalTargets = additionalTargets; }
    public boolean isPregnancyAskedPrivately() { return pregnancyAskedPrivately; }
    public void setPregnancyAskedPrivately(boolean pregnancyAskedPrivately) { this.pregnancyAskedPrivately = pregnancyAskedPrivately; }
}
