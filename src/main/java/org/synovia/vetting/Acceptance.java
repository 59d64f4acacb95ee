package org.synovia.vetting;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the radiologist adds to the protocol when accepting.
 *
 * @param policySet the commissioner's or insurer's policy set the referral was judged against
 * @param plannedJointReplacement a planned replacement of the injected joint, if any: the injection
 *        must be at least 3 months before it (facts RI-10, CI-13)
 * @param note free text for the record
 * @param safetyJustifications per safety rule id, the radiologist's reason for going ahead despite a STOP,
 *        or the justification a WARN asks for
 * @param unfundedConfirmed the radiologist confirmed accepting a referral the commissioning policy does not fund
 *        as it stands (ADR 0072); the form asks with a tick box, and acceptance is refused without it
 */
public record Acceptance(String policySet, LocalDate plannedJointReplacement, String note,
        Map<String, String> safetyJustifications, boolean unfundedConfirmed) {

    public Acceptance {
        safetyJustifications = safetyJustifications == null ? Map.of() : Map.copyOf(safetyJustifications);
    }

    /** An acceptance made in code (fixtures, the demo), which states its intent by being made: confirmed. */
    public Acceptance(String policySet, LocalDate plannedJointReplacement, String note,
            Map<String, String> safetyJustifications) {
        this(policySet, plannedJointReplacement, note, safetyJustifications, true);
    }

    public Acceptance(String policySet, LocalDate plannedJointReplacement, String note) {
        this(policySet, plannedJointReplacement, note, Map.of());
    }
}
