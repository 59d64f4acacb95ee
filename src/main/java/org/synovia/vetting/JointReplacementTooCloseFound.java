package org.synovia.vetting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.synovia.safety.Severity;

/**
 * Vetting accepted a referral although the safety engine found the planned replacement of the same joint within the
 * interval it checks (SAF-024: a STOP under the minimum, overridden; a warning up to 6 months; facts RI-10, RI-11,
 * CI-13). The surgeon named on the referral is to be told, once per referral (ADR 0044).
 *
 * @param acceptanceId the vetting decision that accepted
 * @param finding the engine's sentence, with both dates
 * @param sources each guideline the finding rests on, cited with its fact rows
 * @param earliestInjection the earliest day the injection may be booked, the day the engine judged
 */
public record JointReplacementTooCloseFound(UUID referralId, UUID patientId, UUID acceptanceId, Severity severity,
        String finding, List<String> sources, LocalDate plannedReplacement, LocalDate earliestInjection, String foundBy,
        Instant foundAt) {

    public JointReplacementTooCloseFound {
        sources = List.copyOf(sources);
    }
}
