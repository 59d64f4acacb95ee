package org.synovia.booking;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Chooses which waiting patient a freed slot should go to, and says why. The planning module supplies it (booking
 * may not depend on planning); without one, a freed slot goes to the most overdue patient it suits. Whoever is
 * chosen is still checked as any booking is (the slot suits them, safety at that start) before it is offered.
 */
public interface FreedSlotChooser {

    /**
     * The choice for each of these slots, keyed by slot id, among everyone waiting but {@code excludedReferralId}
     * (the patient who gave the slot up, or null); a slot nobody suits is absent. Read in a fixed number of statements.
     */
    Map<UUID, Choice> choose(Collection<UUID> slotIds, UUID excludedReferralId);

    /** @param reason why this patient, in words the clerk reads beside the offer */
    record Choice(UUID referralId, String reason) {
    }
}
