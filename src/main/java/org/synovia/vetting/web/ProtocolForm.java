package org.synovia.vetting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.synovia.safety.InjectedAgent;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.vetting.Acceptance;
import org.synovia.vetting.Protocol;
import org.synovia.waitinglist.Priority;

/**
 * The accept-and-protocol form as typed. The further targets come from the referral: their site, side
 * and level travel as hidden fields and are checked against the referral on accepting; the drugs and
 * volumes are the radiologist's to change.
 */
public class ProtocolForm {

    private Guidance guidance;
    private String approach;
    private String corticosteroid;
    private BigDecimal corticosteroidDoseMg;
    private String localAnaesthetic;
    private BigDecimal localAnaestheticMl;
    private boolean contrast;
    private String operatorGrade;
    private String namedOperator;
    private Integer slotMinutes;
    private Priority priority;
    private boolean oneStopEligible;
    private String policySet;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate plannedJointReplacement;
    private String note;
    private boolean confirmUnfunded;
    private Map<String, String> safetyJustifications = new HashMap<>();
    private List<TargetRow> targets = new ArrayList<>();

    static ProtocolForm from(Protocol p, String policySet) {
        ProtocolForm form = new ProtocolForm();
        form.guidance = p.guidance();
        form.approach = p.approach();
        form.corticosteroid = p.corticosteroid();
        form.corticosteroidDoseMg = p.corticosteroidDoseMg();
        form.localAnaesthetic = p.localAnaesthetic();
        form.localAnaestheticMl = p.localAnaestheticMl();
        form.contrast = p.contrast();
        form.operatorGrade = p.operatorGrade();
        form.namedOperator = p.namedOperator();
        form.slotMinutes = p.slotMinutes();
        form.priority = p.priority();
        form.oneStopEligible = p.oneStopEligible();
        form.policySet = policySet;
        form.targets = new ArrayList<>(p.targets().stream().map(t -> {
            TargetRow row = new TargetRow();
            row.siteCode = t.siteCode();
            row.side = t.side();
            row.spinalLevel = t.spinalLevel();
            row.corticosteroid = t.corticosteroid();
            row.corticosteroidDoseMg = t.corticosteroidDoseMg();
            row.localAnaesthetic = t.localAnaesthetic();
            row.localAnaestheticPercent = t.localAnaestheticPercent();
            row.localAnaestheticMl = t.localAnaestheticMl();
            return row;
        }).toList());
        return form;
    }

    Protocol toProtocol() {
        return new Protocol(guidance, blank(approach), blank(corticosteroid), corticosteroidDoseMg, blank(localAnaesthetic),
                localAnaestheticMl, contrast, blank(operatorGrade), blank(namedOperator), slotMinutes, priority, oneStopEligible,
                targets.stream().filter(java.util.Objects::nonNull).map(t -> new Protocol.Target(blank(t.siteCode), t.side,
                        blank(t.spinalLevel), t.corticosteroid, t.corticosteroidDoseMg, t.localAnaesthetic,
                        t.localAnaestheticPercent, t.localAnaestheticMl)).toList());
    }

    Acceptance toAcceptance() {
        return new Acceptance(policySet, plannedJointReplacement, note, safetyJustifications, confirmUnfunded);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The drugs at one further target. */
    public static class TargetRow {
        private String siteCode;
        private Laterality side;
        private String spinalLevel;
        private InjectedAgent corticosteroid;
        private BigDecimal corticosteroidDoseMg;
        private InjectedAgent localAnaesthetic;
        private BigDecimal localAnaestheticPercent;
        private BigDecimal localAnaestheticMl;

        public String getSiteCode() { return siteCode; }
        public void setSiteCode(String siteCode) { this.siteCode = siteCode; }
        public Laterality getSide() { return side; }
        public void setSide(Laterality side) { this.side = side; }
        public String getSpinalLevel() { return spinalLevel; }
        public void setSpinalLevel(String spinalLevel) { this.spinalLevel = spinalLevel; }
        public InjectedAgent getCorticosteroid() { return corticosteroid; }
        public void setCorticosteroid(InjectedAgent corticosteroid) { this.corticosteroid = corticosteroid; }
        public BigDecimal getCorticosteroidDoseMg() { return corticosteroidDoseMg; }
        public void setCorticosteroidDoseMg(BigDecimal corticosteroidDoseMg) { this.corticosteroidDoseMg = corticosteroidDoseMg; }
        public InjectedAgent getLocalAnaesthetic() { return localAnaesthetic; }
        public void setLocalAnaesthetic(InjectedAgent localAnaesthetic) { this.localAnaesthetic = localAnaesthetic; }
        public BigDecimal getLocalAnaestheticPercent() { return localAnaestheticPercent; }
        public void setLocalAnaestheticPercent(BigDecimal localAnaestheticPercent) { this.localAnaestheticPercent = localAnaestheticPercent; }
        public BigDecimal getLocalAnaestheticMl() { return localAnaestheticMl; }
        public void setLocalAnaestheticMl(BigDecimal localAnaestheticMl) { this.localAnaestheticMl = localAnaestheticMl; }
    }

    public List<TargetRow> getTargets() { return targets; }
    public void setTargets(List<TargetRow> targets) { this.targets = targets; }
    public Guidance getGuidance() { return guidance; }
    public void setGuidance(Guidance guidance) { this.guidance = guidance; }
    public String getApproach() { return approach; }
    public void setApproach(String approach) { this.approach = approach; }
    public String getCorticosteroid() { return corticosteroid; }
    public void setCorticosteroid(String corticosteroid) { this.corticosteroid = corticosteroid; }
    public BigDecimal getCorticosteroidDoseMg() { return corticosteroidDoseMg; }
    public void setCorticosteroidDoseMg(BigDecimal corticosteroidDoseMg) { this.corticosteroidDoseMg = corticosteroidDoseMg; }
    public String getLocalAnaesthetic() { return localAnaesthetic; }
    public void setLocalAnaesthetic(String localAnaesthetic) { this.localAnaesthetic = localAnaesthetic; }
    public BigDecimal getLocalAnaestheticMl() { return localAnaestheticMl; }
    public void setLocalAnaestheticMl(BigDecimal localAnaestheticMl) { this.localAnaestheticMl = localAnaestheticMl; }
    public boolean isContrast() { return contrast; }
    public void setContrast(boolean contrast) { this.contrast = contrast; }
    public String getOperatorGrade() { return operatorGrade; }
    public void setOperatorGrade(String operatorGrade) { this.operatorGrade = operatorGrade; }
    public String getNamedOperator() { return namedOperator; }
    public void setNamedOperator(String namedOperator) { this.namedOperator = namedOperator; }
    public Integer getSlotMinutes() { return slotMinutes; }
    public void setSlotMinutes(Integer slotMinutes) { this.slotMinutes = slotMinutes; }
    public Priority getPriority() { return priority; }
    public void setPriority(Priority priority) { this.priority = priority; }
    public boolean isOneStopEligible() { return oneStopEligible; }
    public void setOneStopEligible(boolean oneStopEligible) { this.oneStopEligible = oneStopEligible; }
    public String getPolicySet() { return policySet; }
    public void setPolicySet(String policySet) { this.policySet = policySet; }
    public LocalDate getPlannedJointReplacement() { return plannedJointReplacement; }
    public void setPlannedJointReplacement(LocalDate plannedJointReplacement) { this.plannedJointReplacement = plannedJointReplacement; }
    public Map<String, String> getSafetyJustifications() { return safetyJustifications; }
    public void setSafetyJustifications(Map<String, String> safetyJustifications) { this.safetyJustifications = safetyJustifications; }
    public boolean isConfirmUnfunded() { return confirmUnfunded; }
    public void setConfirmUnfunded(boolean confirmUnfunded) { this.confirmUnfunded = confirmUnfunded; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
