package org.synovia.diary.web;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

import org.synovia.diary.NewEntry;
import org.synovia.diary.RedFlag;
import org.synovia.diary.SideEffect;
import org.synovia.shared.InvalidInputException;

/** The patient's entry form as posted; glucose comes as text so that a typo is a message, not a binding error. */
public class EntryForm {

    private String timePoint;
    private Integer painNow;
    private Integer painWorstDay;
    private Integer pgic;
    private Set<SideEffect> sideEffects = EnumSet.noneOf(SideEffect.class);
    private String glucoseMmolL;
    private Set<RedFlag> redFlags = EnumSet.noneOf(RedFlag.class);

    NewEntry toEntry() {
        BigDecimal glucose = null;
        if (glucoseMmolL != null && !glucoseMmolL.isBlank()) {
            try {
                glucose = new BigDecimal(glucoseMmolL.strip().replace(',', '.'));
            }
            catch (NumberFormatException e) {
                throw new InvalidInputException("glucoseMmolL", "Give your blood sugar as a number in mmol/L, for example 7.5.");
            }
        }
        return new NewEntry(timePoint, painNow, painWorstDay, pgic, sideEffects, glucose, redFlags);
    }

    public String getTimePoint() {
        return timePoint;
    }

    public void setTimePoint(String timePoint) {
        this.timePoint = timePoint;
    }

    public Integer getPainNow() {
        return painNow;
    }

    public void setPainNow(Integer painNow) {
        this.painNow = painNow;
    }

    public Integer getPainWorstDay() {
        return painWorstDay;
    }

    public void setPainWorstDay(Integer painWorstDay) {
        this.painWorstDay = painWorstDay;
    }

    public Integer getPgic() {
        return pgic;
    }

    public void setPgic(Integer pgic) {
        this.pgic = pgic;
    }

    public Set<SideEffect> getSideEffects() {
        return sideEffects;
    }

    public void setSideEffects(Set<SideEffect> sideEffects) {
        this.sideEffects = sideEffects;
    }

    public String getGlucoseMmolL() {
        return glucoseMmolL;
    }

    public void setGlucoseMmolL(String glucoseMmolL) {
        this.glucoseMmolL = glucoseMmolL;
    }

    public Set<RedFlag> getRedFlags() {
        return redFlags;
    }

    public void setRedFlags(Set<RedFlag> redFlags) {
        this.redFlags = redFlags;
    }
}
