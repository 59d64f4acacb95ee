package org.synovia.booking;

import java.util.UUID;

/**
 * A waiting patient is invited to choose their own slot, or offered one freed slot ({@code slotStart} set, the
 * offer ending at {@code expiresAt}); notification emails them the link.
 */
public record BookingInvited(UUID invitationId, UUID referralId, UUID patientId, java.time.Instant slotStart,
        java.time.Instant expiresAt) {
}
