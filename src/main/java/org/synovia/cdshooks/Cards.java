package org.synovia.cdshooks;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.synovia.safety.Finding;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.Severity;

/**
 * The safety engine's answer as CDS Hooks cards: one per finding, worst first, its indicator from the
 * severity (STOP critical, WARN warning, INFO info), a summary under 140 characters, the engine's sentence
 * and the medication plan with dates in the detail, and the guideline with its facts rows as the source.
 */
final class Cards {

    static final int MAX_SUMMARY = 139;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm", Locale.UK);

    private Cards() {
    }

    record Card(String uuid, String summary, String indicator, String detail, Source source) {
    }

    record Source(String label, String url) {
    }

    static List<Card> of(SafetyAssessment assessment, String procedure, String rulesUrl) {
        List<Card> cards = new ArrayList<>();
        for (Finding finding : assessment.findings()) {
            StringBuilder detail = new StringBuilder(finding.message());
            for (MedicationPlan plan : assessment.medicationPlans()) {
                if (plan.ruleId().equals(finding.ruleId())) {
                    detail.append("\n\n").append(plan(plan));
                }
            }
            if (finding.policyChoice() != null) {
                detail.append("\n\nLocal policy: ").append(finding.policyChoice());
            }
            String cited = finding.sources().stream().map(GuidelineReference::cite).collect(java.util.stream.Collectors.joining("; "));
            cards.add(new Card(UUID.randomUUID().toString(), summary(procedure + ": " + finding.ruleName() + " — " + finding.message()),
                    indicator(finding.severity()), detail.toString(),
                    new Source(finding.ruleId() + (cited.isEmpty() ? "" : " · " + cited), rulesUrl + "#" + finding.ruleId())));
        }
        return cards;
    }

    static String indicator(Severity severity) {
        return switch (severity) {
            case STOP -> "critical";
            case WARN -> "warning";
            case INFO -> "info";
        };
    }

    /** "Apixaban: hold. Last dose Mon 30 Nov 2026 at 08:00; restart Thu 3 Dec 2026 at 08:00 (24 h after the procedure)." */
    static String plan(MedicationPlan plan) {
        StringBuilder text = new StringBuilder("**").append(plan.medicine()).append("**: ")
                .append(plan.action().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append('.');
        if (plan.lastDose() != null) {
            text.append(" Last dose ").append(WHEN.format(plan.lastDose())).append('.');
        } else if (plan.minimumHoursSinceLastDose() != null) {
            text.append(" Last dose at least ").append(plan.minimumHoursSinceLastDose()).append(" h before the injection.");
        }
        if (plan.restart() != null) {
            text.append(" Restart ").append(WHEN.format(plan.restart()));
            text.append(plan.restartRule() == null ? "." : " (" + plan.restartRule() + ").");
        } else if (plan.restartRule() != null) {
            text.append(" Restart ").append(plan.restartRule()).append('.');
        }
        if (plan.inrCheck() != null) {
            text.append(" INR check from ").append(plan.inrCheck().from()).append(": ").append(plan.inrCheck().rule()).append('.');
        }
        if (plan.patientInstruction() != null) {
            text.append("\n\nFor the patient: ").append(plan.patientInstruction());
        }
        return text.toString();
    }

    static String summary(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_SUMMARY ? flat : flat.substring(0, MAX_SUMMARY - 1) + "…";
    }
}
