package org.synovia.safety;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.synovia.account.Role;
import org.synovia.account.StaffGrade;
import org.synovia.account.UserAccount;

/**
 * Who may override a STOP (a condition that must not be booked at all): the role and grade the clinic
 * names, bound from {@code synovia.safety.stop-override}; by default a consultant radiologist (ADR 0035).
 * A consultant of the role may override whatever grade is named, as a consultant may take any list (ADR
 * 0007). A soft stop (a warning that asks for a justification) needs only a radiologist at vetting.
 */
@ConfigurationProperties("synovia.safety.stop-override")
public record StopOverridePolicy(@DefaultValue("RADIOLOGIST") Role role, @DefaultValue("CONSULTANT") StaffGrade grade) {

    public StopOverridePolicy {
        if (role == null || grade == null) {
            throw new IllegalArgumentException("synovia.safety.stop-override needs both a role and a grade");
        }
    }

    /** Whether this person may override a STOP: an enabled account holding the role with the grade (or consultant). */
    public boolean permits(UserAccount account) {
        return account != null && account.enabled() && account.has(role) && account.grade() != null
                && (account.grade() == grade || account.grade() == StaffGrade.CONSULTANT);
    }

    /** "a consultant radiologist": who may override, for messages. */
    public String whoMay() {
        String who = title(grade, role);
        return (who.matches("^[aeiou].*") ? "an " : "a ") + who;
    }

    /** "consultant radiologist", or "radiologist, grade not recorded" when the account had no grade. */
    public static String title(StaffGrade grade, Role role) {
        return grade == null ? role.label().toLowerCase() + ", grade not recorded"
                : grade.label().toLowerCase() + " " + role.label().toLowerCase();
    }

    /** The refusal a person without the role and grade gets: "Only a consultant radiologist may override this STOP." */
    public String refusal() {
        return "Only " + whoMay() + " may override this STOP.";
    }
}
