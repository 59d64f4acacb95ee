package org.synovia.procedure.web;

import java.time.LocalDateTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.synovia.shared.YesNoUnknown;

/** What sign-in measures, as values; the target's state is yes, no or not known, with no answer preselected. */
public class ObservationsForm {

    private Double temperatureCelsius;
    private Double capillaryGlucoseMmolPerL;
    private Integer systolicMmHg;
    private Integer diastolicMmHg;
    private Double inr;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime inrTakenAt;
    private YesNoUnknown targetHot;
    private YesNoUnknown targetSwollen;
    private YesNoUnknown targetRed;

    public Double getTemperatureCelsius() { return temperatureCelsius; }
    public void setTemperatureCelsius(Double value) { this.temperatureCelsius = value; }
    public Double getCapillaryGlucoseMmolPerL() { return capillaryGlucoseMmolPerL; }
    public void setCapillaryGlucoseMmolPerL(Double value) { this.capillaryGlucoseMmolPerL = value; }
    public Integer getSystolicMmHg() { return systolicMmHg; }
    public void setSystolicMmHg(Integer value) { this.systolicMmHg = value; }
    public Integer getDiastolicMmHg() { return diastolicMmHg; }
    public void setDiastolicMmHg(Integer value) { this.diastolicMmHg = value; }
    public Double getInr() { return inr; }
    public void setInr(Double value) { this.inr = value; }
    public LocalDateTime getInrTakenAt() { return inrTakenAt; }
    public void setInrTakenAt(LocalDateTime value) { this.inrTakenAt = value; }
    public YesNoUnknown getTargetHot() { return targetHot; }
    public void setTargetHot(YesNoUnknown value) { this.targetHot = value; }
    public YesNoUnknown getTargetSwollen() { return targetSwollen; }
    public void setTargetSwollen(YesNoUnknown value) { this.targetSwollen = value; }
    public YesNoUnknown getTargetRed() { return targetRed; }
    public void setTargetRed(YesNoUnknown value) { this.targetRed = value; }
}
