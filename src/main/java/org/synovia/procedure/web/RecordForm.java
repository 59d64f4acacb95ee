package org.synovia.procedure.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.synovia.procedure.DrugGiven;
import org.synovia.procedure.ProcedureRecord;
import org.synovia.shared.Guidance;

/** The procedure record form; empty drug rows are ignored. */
public class RecordForm {

    static final int DRUG_ROWS = 3;

    private String operator;
    private String assistant;
    private Guidance guidance;
    private String approach;
    private String needle;
    private BigDecimal aspirateMl;
    private String aspirateAppearance;
    private String aspirateSentFor;
    private List<DrugRow> drugs = new ArrayList<>(List.of(new DrugRow(), new DrugRow(), new DrugRow()));
    private boolean contrastUsed;
    private boolean needleTipConfirmed;
    private Integer keyImages;
    private String studyInstanceUid;
    private BigDecimal dapGyCm2;
    private Integer screeningSeconds;
    private BigDecimal dlpMGyCm;
    private BigDecimal ctdiVolMGy;
    private Integer painBefore;
    private String complications;
    private boolean aftercareGiven;

    ProcedureRecord toRecord() {
        List<DrugGiven> given = drugs.stream().filter(d -> !d.empty())
                .map(d -> new DrugGiven(d.product, d.dose, d.volumeMl, d.batch, d.expiry, d.route, d.site)).toList();
        return new ProcedureRecord(operator, assistant, guidance, approach, needle, aspirateMl, aspirateAppearance,
                aspirateSentFor, given, contrastUsed, needleTipConfirmed, keyImages == null ? -1 : keyImages,
                studyInstanceUid, dapGyCm2, screeningSeconds, dlpMGyCm, ctdiVolMGy, painBefore == null ? -1 : painBefore,
                complications, aftercareGiven, null, null, null, null);
    }

    /** One drug row; a row with nothing typed is not a drug. */
    public static class DrugRow {
        private String product;
        private String dose;
        private BigDecimal volumeMl;
        private String batch;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate expiry;
        private String route;
        private String site;

        boolean empty() {
            return blank(product) && blank(dose) && volumeMl == null && blank(batch) && expiry == null;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        public String getProduct() { return product; }
        public void setProduct(String product) { this.product = product; }
        public String getDose() { return dose; }
        public void setDose(String dose) { this.dose = dose; }
        public BigDecimal getVolumeMl() { return volumeMl; }
        public void setVolumeMl(BigDecimal volumeMl) { this.volumeMl = volumeMl; }
        public String getBatch() { return batch; }
        public void setBatch(String batch) { this.batch = batch; }
        public LocalDate getExpiry() { return expiry; }
        public void setExpiry(LocalDate expiry) { this.expiry = expiry; }
        public String getRoute() { return route; }
        public void setRoute(String route) { this.route = route; }
        public String getSite() { return site; }
        public void setSite(String site) { this.site = site; }
    }

    public String getOperator() { return operator; }
    public void setOperator(String operator) { this.operator = operator; }
    public String getAssistant() { return assistant; }
    public void setAssistant(String assistant) { this.assistant = assistant; }
    public Guidance getGuidance() { return guidance; }
    public void setGuidance(Guidance guidance) { this.guidance = guidance; }
    public String getApproach() { return approach; }
    public void setApproach(String approach) { this.approach = approach; }
    public String getNeedle() { return needle; }
    public void setNeedle(String needle) { this.needle = needle; }
    public BigDecimal getAspirateMl() { return aspirateMl; }
    public void setAspirateMl(BigDecimal aspirateMl) { this.aspirateMl = aspirateMl; }
    public String getAspirateAppearance() { return aspirateAppearance; }
    public void setAspirateAppearance(String aspirateAppearance) { this.aspirateAppearance = aspirateAppearance; }
    public String getAspirateSentFor() { return aspirateSentFor; }
    public void setAspirateSentFor(String aspirateSentFor) { this.aspirateSentFor = aspirateSentFor; }
    public List<DrugRow> getDrugs() { return drugs; }
    public void setDrugs(List<DrugRow> drugs) { this.drugs = drugs; }
    public boolean isContrastUsed() { return contrastUsed; }
    public void setContrastUsed(boolean contrastUsed) { this.contrastUsed = contrastUsed; }
    public boolean isNeedleTipConfirmed() { return needleTipConfirmed; }
    public void setNeedleTipConfirmed(boolean needleTipConfirmed) { this.needleTipConfirmed = needleTipConfirmed; }
    public Integer getKeyImages() { return keyImages; }
    public void setKeyImages(Integer keyImages) { this.keyImages = keyImages; }
    public String getStudyInstanceUid() { return studyInstanceUid; }
    public void setStudyInstanceUid(String studyInstanceUid) { this.studyInstanceUid = studyInstanceUid; }
    public BigDecimal getDapGyCm2() { return dapGyCm2; }
    public void setDapGyCm2(BigDecimal dapGyCm2) { this.dapGyCm2 = dapGyCm2; }
    public Integer getScreeningSeconds() { return screeningSeconds; }
    public void setScreeningSeconds(Integer screeningSeconds) { this.screeningSeconds = screeningSeconds; }
    public BigDecimal getDlpMGyCm() { return dlpMGyCm; }
    public void setDlpMGyCm(BigDecimal dlpMGyCm) { this.dlpMGyCm = dlpMGyCm; }
    public BigDecimal getCtdiVolMGy() { return ctdiVolMGy; }
    public void setCtdiVolMGy(BigDecimal ctdiVolMGy) { this.ctdiVolMGy = ctdiVolMGy; }
    public Integer getPainBefore() { return painBefore; }
    public void setPainBefore(Integer painBefore) { this.painBefore = painBefore; }
    public String getComplications() { return complications; }
    public void setComplications(String complications) { this.complications = complications; }
    public boolean isAftercareGiven() { return aftercareGiven; }
    public void setAftercareGiven(boolean aftercareGiven) { this.aftercareGiven = aftercareGiven; }
}
