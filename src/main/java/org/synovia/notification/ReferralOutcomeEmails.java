package org.synovia.notification;

import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.synovia.catalogue.Catalogue;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.ReferralStatusChanged;
import org.synovia.referral.Referrals;

/**
 * Tells the referrer by email when vetting accepts, rejects or questions their referral. The email
 * names the patient only by initials and the last four digits of the NHS number; the details are
 * behind the link.
 */
@Component
class ReferralOutcomeEmails {

    private static final Set<ReferralStatus> TOLD = Set.of(ReferralStatus.ACCEPTED, ReferralStatus.REJECTED,
            ReferralStatus.MORE_INFORMATION_REQUESTED);

    private final Referrals referrals;
    private final Patients patients;
    private final Catalogue catalogue;
    private final EmailOutbox outbox;
    private final NotificationProperties properties;
    private final HandledEvents handled;

    ReferralOutcomeEmails(Referrals referrals, Patients patients, Catalogue catalogue, EmailOutbox outbox,
            NotificationProperties properties, HandledEvents handled) {
        this.handled = handled;
        this.referrals = referrals;
        this.patients = patients;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(ReferralStatusChanged event) {
        // The referral, its new status and the moment it moved name one change; a second run of it sends nothing.
        String key = "referral:" + event.referralId().value() + ":" + event.to() + ":" + event.changedAt();
        if (!TOLD.contains(event.to()) || !handled.claim(key)) {
            return;
        }
        Referral referral = referrals.show(event.referralId());
        String recipient = referral.details().referrer().email();
        if (recipient == null) {
            return;
        }
        Patient patient = patients.find(new PatientId(event.patientId())).orElseThrow();
        String site = catalogue.site(referral.details().siteCode()).map(s -> s.name().toLowerCase()).orElse("injection");
        String who = patient.givenName().charAt(0) + "." + patient.familyName().charAt(0) + "."
                + (patient.nhsNumber() == null ? "" : ", NHS number ending " + patient.nhsNumber().value().substring(6));
        String what = switch (event.to()) {
            case ACCEPTED -> "was accepted and the patient is on the waiting list.";
            case REJECTED -> "was not accepted.";
            default -> "needs more information from you before it can be vetted.";
        };
        String subject = switch (event.to()) {
            case ACCEPTED -> "Referral accepted";
            case REJECTED -> "Referral not accepted";
            default -> "Question about your referral";
        };
        String body = "Dear " + referral.details().referrer().name() + ",\n\n"
                + "Your referral of " + who + " for a " + site + " injection " + what + "\n\n"
                + (event.reason() == null ? "" : (event.to() == ReferralStatus.MORE_INFORMATION_REQUESTED ? "Question: " : "Note: ")
                        + event.reason() + "\n\n")
                + "Open the referral: " + properties.publicUrl() + "/referrals/" + event.referralId() + "\n\n"
                + "Synovia, image-guided injection service\n";
        handled.answeredWith(key, outbox.queue(recipient, subject + " – " + who, body, event.patientId(),
                "referral-" + event.to().name().toLowerCase()));
    }
}
