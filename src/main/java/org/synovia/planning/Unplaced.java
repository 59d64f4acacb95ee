package org.synovia.planning;

import java.util.Objects;

/**
 * A waiting patient the plan leaves without a slot.
 *
 * @param reason the condition that stopped them, in plain English, worked out by checking which hard rules exclude
 *        every slot ("No X-ray (fluoroscopy) slot with a consultant between 20 Jan and 7 Feb outside the patient's
 *        unavailable dates")
 */
public record Unplaced(WaitingPatient patient, String reason) {

    public Unplaced {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(reason, "reason");
    }
}
