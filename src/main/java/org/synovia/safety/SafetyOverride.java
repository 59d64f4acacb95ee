package org.synovia.safety;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import org.synovia.account.Role;
import org.synovia.account.StaffGrade;

/**
 * A clinician's decision to go ahead despite a finding: the override of a STOP, or the justification of a
 * soft stop, with who (and the role and grade they held), when and why. Never changed: a second override
 * is a second record.
 *
 * @param decisionId the acceptance (vetting decision) it applies to: made with it, or after it at booking
 * @param finding the finding's sentence as the clinician saw it
 * @param grade the grade the person held, or null when none was recorded (overrides before grades existed)
 * @param at in the clinic's time zone
 */
public record SafetyOverride(UUID id, UUID referralId, UUID patientId, UUID decisionId, String ruleId, String ruleName, Severity severity,
        String finding, String reason, String byUsername, String byName, Role role, StaffGrade grade, LocalDateTime at) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    /** Whether this lifts a STOP (rather than justifying a soft stop). */
    public boolean overridesStop() {
        return severity == Severity.STOP;
    }

    /** "Overridden by Dr A Patel (consultant radiologist) on 6 Dec 2026: reason", as every page shows it. */
    public String sentence() {
        return (overridesStop() ? "Overridden" : "Justified") + " by " + byName + " ("
                + StopOverridePolicy.title(grade, role) + ") on " + at.format(DAY) + ": " + reason;
    }
}
