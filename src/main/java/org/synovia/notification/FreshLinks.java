package org.synovia.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.synovia.booking.BookingInvitations;
import org.synovia.booking.PatientLinks;

/**
 * Issues a fresh link (the earlier one revoked) for a message sent again or printed, by the message's purpose.
 * On paper, a booking link is a short code the patient types on the booking-code page instead of a long address.
 */
@Component
class FreshLinks {

    static final String APPOINTMENT_LETTER = "appointment-letter";
    static final String BOOKING_INVITATION = "booking-invitation";
    /** The page where a patient types the code from a printed booking invitation. */
    static final String CODE_PAGE = "/choose-appointment";
    private final BookingInvitations invitations;
    private final PatientLinks patientLinks;
    private final NotificationProperties properties;
    private final List<PatientLinkIssuer> issuers;

    FreshLinks(BookingInvitations invitations, PatientLinks patientLinks, NotificationProperties properties,
            List<PatientLinkIssuer> issuers) {
        this.invitations = invitations;
        this.patientLinks = patientLinks;
        this.properties = properties;
        this.issuers = issuers;
    }

    /** A fresh link for a message read on a screen (email, text). */
    Optional<String> onScreen(String purpose, UUID aboutId) {
        if (aboutId == null) {
            return Optional.empty();
        }
        if (APPOINTMENT_LETTER.equals(purpose)) {
            return patientLinks.newPatientLink(aboutId).map(token -> properties.publicUrl() + "/my-appointment/" + token);
        }
        if (BOOKING_INVITATION.equals(purpose)) {
            return invitations.reissueInvitationLink(aboutId).map(token -> properties.publicUrl() + "/choose-appointment/" + token);
        }
        return issuers.stream().filter(issuer -> issuer.issues(purpose)).findFirst().flatMap(issuer -> issuer.reissue(aboutId));
    }

    /** A fresh link or code for a printed letter. */
    Optional<String> onPaper(String purpose, UUID aboutId) {
        if (BOOKING_INVITATION.equals(purpose) && aboutId != null) {
            return invitations.newInvitationCode(aboutId);
        }
        return onScreen(purpose, aboutId);
    }

    /** The address of the booking-code page, as a printed invitation gives it. */
    String codePage() {
        return properties.publicUrl() + CODE_PAGE;
    }
}
