package org.synovia.planning;

import java.util.Objects;

/**
 * One patient the plan puts in one slot.
 *
 * @param followingSlot for a one-stop patient, the slot straight after {@code slot} that the plan also uses; else null
 * @param reason why here, in plain English, for the booking clerk ("Urgent, breaches on 3 Feb; ...")
 */
public record Placement(WaitingPatient patient, OpenSlot slot, OpenSlot followingSlot, String reason) {

    public Placement {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(reason, "reason");
    }
}
