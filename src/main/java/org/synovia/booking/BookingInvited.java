package org.synovia.booking;

import java.util.UUID;

/** A waiting patient is invited to choose their own slot; notification emails them the link. */
public record BookingInvited(UUID invitationId, UUID referralId, UUID patientId) {
}
