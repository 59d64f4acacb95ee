package org.synovia.procedure;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.synovia.safety.Finding;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.PlanAction;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.Severity;

/**
 * Turns the engine's assessment at the booked start into what the team must confirm at sign-in
 * (NatSSIPs NS-03, NS-04: anticoagulation and other patient-specific concerns): the last dose of each
 * held blood thinner (or that it continues), any INR to check, and every STOP or WARN finding in the engine's own words.
 */
final class DayListAlerts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);

    private DayListAlerts() {
    }

    /** The first line of a visit with a suspected septic joint: what was found, who was emailed, what was done instead. */
    static String urgentPathway(UrgentPathway urgent, java.time.ZoneId zone, org.synovia.account.StaffNames staff) {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
        return "URGENT PATHWAY, no steroid: " + urgent.reason() + ". Started " + hhmm.format(urgent.startedAt().atZone(zone))
                + " by " + staff.of(urgent.startedBy()) + "; emailed "
                + (urgent.onCallEmail() == null ? "no on-call contact (none configured: phone them)" : "on-call " + urgent.onCallEmail())
                + " and " + (urgent.referrerEmail() == null ? "no referrer (no email on the referral)" : "referrer " + urgent.referrerEmail())
                + (urgent.doneInsteadRecorded() ? ". Done instead: " + urgent.doneInstead() + " (" + staff.of(urgent.doneInsteadBy()) + ", "
                        + hhmm.format(urgent.doneInsteadAt().atZone(zone)) + ")" : ". Record what was done instead.");
    }

    static List<String> of(SafetyAssessment assessment) {
        return of(assessment, false);
    }

    /**
     * As {@link #of(SafetyAssessment)}, each finding and each medication plan followed by the guidelines it rests on,
     * for the patient panel.
     */
    static List<String> withSources(SafetyAssessment assessment) {
        return of(assessment, true);
    }

    private static List<String> of(SafetyAssessment assessment, boolean sources) {
        List<String> alerts = new ArrayList<>();
        for (MedicationPlan plan : assessment.medicationPlans()) {
            String source = sources ? source(plan.sources()) : "";
            if (plan.action() == PlanAction.HOLD && plan.lastDose() != null) {
                alerts.add("Confirm the last " + plan.medicine() + " dose was " + plan.lastDose().format(WHEN) + "." + source);
            }
            else if (plan.action() == PlanAction.CONTINUE) {
                alerts.add("Continue " + plan.medicine() + ": no stop was planned." + source);
            }
            else if (plan.action() == PlanAction.REFER_TO_PRESCRIBER) {
                alerts.add("Confirm the prescriber's plan for " + plan.medicine() + " was followed." + source);
            }
            if (plan.inrCheck() != null) {
                alerts.add("Check the INR was taken on or after " + plan.inrCheck().from().format(DAY) + " and is "
                        + (plan.inrCheck().limitInclusive() ? "at most " : "below ") + plan.inrCheck().limit() + "." + source);
            }
        }
        for (Finding finding : assessment.findings()) {
            if (finding.severity() == Severity.STOP || finding.severity() == Severity.WARN) {
                alerts.add(finding.ruleId() + " (" + finding.severity() + "): " + finding.message()
                        + (sources ? source(finding.sources()) : ""));
            }
        }
        return alerts;
    }

    /** " Source: EULAR 2021, Table 2 [CI-03]." as the panel shows it; empty when nothing is cited. */
    static String source(List<GuidelineReference> sources) {
        return sources.isEmpty() ? "" : " Source: " + sources.stream().map(GuidelineReference::cite)
                .collect(Collectors.joining("; ")) + ".";
    }
}
