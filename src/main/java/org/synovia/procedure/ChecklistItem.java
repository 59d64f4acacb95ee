package org.synovia.procedure;

import java.util.function.Predicate;

/**
 * One check of the NatSSIPs checklist, with the fact row it rests on and when it applies. Items that apply
 * only to some patients (INR, pregnancy, glucose) are asked only of them, so that a tick always means a
 * check was made.
 */
public enum ChecklistItem {
    IDENTITY(ChecklistStep.SIGN_IN, "NS-03", "Identity confirmed by the patient against the wristband and the record", always()),
    PROCEDURE(ChecklistStep.SIGN_IN, "NS-03", "Procedure confirmed with the patient", always()),
    SITE_MARKED(ChecklistStep.SIGN_IN, "NS-03", "Site and side confirmed and marked", always()),
    CONSENT(ChecklistStep.SIGN_IN, "NS-03", "Consent confirmed", always()),
    ALLERGIES(ChecklistStep.SIGN_IN, "NS-02", "Allergies checked with the patient and the record", always()),
    MEDICATION_PLAN(ChecklistStep.SIGN_IN, "NS-04", "Blood-thinner plan followed: last dose taken as planned", ChecklistContext::onAntithrombotic),
    INR(ChecklistStep.SIGN_IN, "NS-04", "INR checked and within the plan's limit", ChecklistContext::inrNeeded),
    PREGNANCY(ChecklistStep.SIGN_IN, "NS-03", "Pregnancy status checked before X-ray or CT (facts 4A)", ChecklistContext::ionising),
    GLUCOSE(ChecklistStep.SIGN_IN, "NS-03", "Blood glucose checked (diabetes)", ChecklistContext::diabetic),

    TEAM_PRESENT(ChecklistStep.TIME_OUT, "NS-04", "Whole team present and other tasks stopped", always()),
    PATIENT_SITE_SIDE(ChecklistStep.TIME_OUT, "NS-04", "Correct patient, site and side against the consent", always()),
    IMAGING_AVAILABLE(ChecklistStep.TIME_OUT, "NS-04", "Relevant imaging available", always()),
    DRUGS_CHECKED(ChecklistStep.TIME_OUT, "NS-04", "Drugs checked, including expiry dates", always()),
    PATIENT_CONCERNS(ChecklistStep.TIME_OUT, "NS-04", "Patient-specific concerns discussed (anticoagulation, allergies, diabetes)", always()),

    DONE_AS_PLANNED(ChecklistStep.SIGN_OUT, "NS-05", "Procedure done as planned", always()),
    SITE_SIDE_RECORDED(ChecklistStep.SIGN_OUT, "NS-05", "Site and side recorded", always()),
    DRUGS_RECORDED(ChecklistStep.SIGN_OUT, "NS-05", "Drugs given recorded with batch and expiry", always()),
    SPECIMENS_LABELLED(ChecklistStep.SIGN_OUT, "NS-05", "Specimens labelled (or none taken)", always()),
    AFTERCARE_GIVEN(ChecklistStep.SIGN_OUT, "NS-05", "Aftercare explained and leaflet given", always()),
    RECOVERY_CONCERNS(ChecklistStep.SIGN_OUT, "NS-05", "Concerns for recovery handed over", always());

    private final ChecklistStep step;
    private final String factRow;
    private final String text;
    private final Predicate<ChecklistContext> applies;

    ChecklistItem(ChecklistStep step, String factRow, String text, Predicate<ChecklistContext> applies) {
        this.step = step;
        this.factRow = factRow;
        this.text = text;
        this.applies = applies;
    }

    public ChecklistStep step() {
        return step;
    }

    public String factRow() {
        return factRow;
    }

    public String text() {
        return text;
    }

    public boolean appliesTo(ChecklistContext context) {
        return applies.test(context);
    }

    private static Predicate<ChecklistContext> always() {
        return context -> true;
    }
}
