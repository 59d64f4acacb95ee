package org.synovia.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.AppointmentBooked;
import org.synovia.booking.AppointmentCancelled;
import org.synovia.booking.AppointmentStatus;
import org.synovia.booking.BookingInvitations;
import org.synovia.booking.BookingInvited;
import org.synovia.booking.Bookings;
import org.synovia.booking.PatientLinks;
import org.synovia.catalogue.Catalogue;
import org.synovia.catalogue.InjectionSite;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.SafetyAssessment;
import org.synovia.scheduling.Slot;
import org.synovia.shared.Laterality;
import org.synovia.shared.PdfDocuments;
import org.synovia.shared.ServiceIdentity;
import org.synovia.vetting.AcceptedProtocols;

/**
 * The appointment letter: rendered from a Thymeleaf XHTML template to PDF with openhtmltopdf, printed from
 * the appointment page and emailed to the patient (stored with the email first, sent with retries) when an
 * appointment is booked or moved.
 */
@Service
public class AppointmentLetters {

    static final String RECORD_TYPE = "AppointmentLetter";
    private static final Logger log = LoggerFactory.getLogger(AppointmentLetters.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final Bookings bookings;
    private final BookingInvitations invitations;
    private final PatientLinks patientLinks;
    private final Referrals referrals;
    private final Patients patients;
    private final Catalogue catalogue;
    private final AcceptedProtocols protocols;
    private final PdfDocuments pdf;
    private final AuditTrail audit;
    private final NotificationProperties properties;
    private final HandledEvents handled;
    private final Clock clock;
    private final ServiceIdentity service;
    private final PatientMessages messages;
    private final FreshLinks links;

    AppointmentLetters(Bookings bookings, BookingInvitations invitations, PatientLinks patientLinks,
            Referrals referrals, Patients patients, Catalogue catalogue,
            AcceptedProtocols protocols, PdfDocuments pdf, AuditTrail audit,
            NotificationProperties properties, HandledEvents handled, Clock clock, ServiceIdentity service,
            PatientMessages messages, FreshLinks links) {
        this.messages = messages;
        this.links = links;
        this.properties = properties;
        this.handled = handled;
        this.bookings = bookings;
        this.invitations = invitations;
        this.patientLinks = patientLinks;
        this.referrals = referrals;
        this.patients = patients;
        this.catalogue = catalogue;
        this.protocols = protocols;
        this.pdf = pdf;
        this.audit = audit;
        this.clock = clock;
        this.service = service;
    }

    /** The letter's content, with the safety engine asked again for the booked start. */
    @Transactional
    public AppointmentLetter letter(UUID appointmentId) {
        Appointment appointment = bookings.appointment(appointmentId);
        Slot slot = bookings.slot(appointment).orElseThrow();
        Referral referral = referrals.show(new ReferralId(appointment.referralId()));
        Patient patient = patients.find(new PatientId(appointment.patientId())).orElseThrow();
        LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), clock.getZone());
        var accepted = protocols.forReferral(referral.id()).orElseThrow();
        SafetyAssessment assessment = protocols.checkAt(referral.id(), start).assessment();
        List<String> medicines = assessment.medicationPlans().stream().map(MedicationPlan::patientInstruction).toList();
        List<String> other = new ArrayList<>(assessment.patientInstructions());
        other.removeAll(medicines);
        // Every target of the session, the main one first: the patient is told of each (HAZ-85).
        List<InjectionSite> sites = referral.details().targets().stream()
                .map(t -> catalogue.site(t.siteCode()).orElseThrow()).toList();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < sites.size(); i++) {
            var target = referral.details().targets().get(i);
            targets.add(sideOf(target.laterality()) + sites.get(i).name().toLowerCase()
                    + (target.spinalLevel() == null ? "" : " (" + target.spinalLevel() + ")"));
        }
        String procedure = targets.size() == 1 ? targets.getFirst() + " injection"
                : String.join(", ", targets.subList(0, targets.size() - 1)) + " and " + targets.getLast() + " injections";
        var protocol = accepted.protocol();
        boolean steroid = protocol.corticosteroid() != null && !protocol.corticosteroid().isBlank()
                || protocol.targets().stream().anyMatch(t -> t.corticosteroid() != null && t.corticosteroid().steroid());
        return new AppointmentLetter(appointment.id(), patient.id().value(), patient.fullName(),
                patient.nhsNumber() == null ? null : patient.nhsNumber().value(), patient.dateOfBirth(), patient.email(),
                patient.address(), start, appointment.minutes(), slot.roomName(), slot.roomLocation(), slot.operatorName(), procedure,
                protocol.guidance(), steroid, referral.details().diabetes() != DiabetesType.NONE,
                referral.details().onInsulin(), sites.stream().anyMatch(s -> "Spine".equalsIgnoreCase(s.region())), medicines,
                other, LocalDate.now(clock), targets);
    }

    private static String sideOf(Laterality side) {
        return side == null || side == Laterality.NOT_APPLICABLE ? "" : side.name().toLowerCase() + " ";
    }

    /** The letter as a PDF (printed from the appointment page, attached to the email). */
    @Transactional
    public byte[] pdf(UUID appointmentId) {
        AppointmentLetter letter = letter(appointmentId);
        audit.record(AuditAction.EXPORT, RECORD_TYPE, appointmentId, letter.patientId(), "appointment letter PDF");
        return render(letter);
    }

    byte[] render(AppointmentLetter letter) {
        return pdf.render("notification/letter", Map.of("letter", letter));
    }

    /**
     * Emails the letter when an appointment is booked or moved; a patient without email gets it printed. One
     * letter and one patient link per appointment (a move makes a new appointment, so a new letter): a second
     * run of this event finds the first letter stored and changes nothing, so the link in it keeps working.
     */
    @ApplicationModuleListener
    void on(AppointmentBooked event) {
        String key = "letter:" + event.appointmentId();
        if (!handled.claim(key)) {
            log.info("Appointment {} already has its letter; it is not made again", event.appointmentId());
            return;
        }
        // Issued first: it locks the booked row, so a cancellation waits for this letter and is told after it.
        Optional<String> link = patientLinks.newPatientLink(event.appointmentId());
        if (link.isEmpty()) {
            log.info("Appointment {} no longer booked; no letter sent", event.appointmentId());
            return;
        }
        AppointmentLetter letter = letter(event.appointmentId());
        String when = WHEN.format(letter.start());
        String appointment = (event.replaces() == null ? "Your " : "We have moved your ") + letter.procedure()
                + " appointment " + (event.replaces() == null ? "is on " : "to ") + when + " at " + letter.roomName() + ", "
                + letter.location() + ".";
        String prepare = "it tells you how to prepare"
                + (letter.medicines().isEmpty() ? "" : ", including when to take your last dose of your blood thinner") + ".";
        String cannotCome = "If you cannot come, please tell us as soon as possible so that someone else can have the slot.";
        String body = "Dear " + letter.patientName() + ",\n\n" + appointment
                + "\n\nYour letter is attached. Please read it now: " + prepare
                + "\n\nTo see your appointment, or to cancel it if you cannot come, open your own link (keep it private):\n"
                + EmailOutbox.LINK + "\n\n" + cannotCome + "\n\n" + service.signature();
        // A text names the date and place only (ADR 0077); the letter with the instructions is printed too (HAZ-111).
        String text = "Your appointment with " + service.name() + ": " + when + " at " + letter.roomName() + ", "
                + letter.location() + ". Your letter follows by post. To see or cancel: " + EmailOutbox.LINK;
        String onPaper = "Dear " + letter.patientName() + ",\n\n" + appointment
                + "\n\nYour appointment letter is on the next page. Please read it now: " + prepare + "\n\n" + cannotCome
                + (service.hasTelephone() ? " Telephone " + service.telephone() + "." : "") + "\n\n" + service.signature();
        Optional<PatientMessages.Sent> sent = messages.send(new PatientMessage(letter.patientId(), FreshLinks.APPOINTMENT_LETTER,
                event.appointmentId(), true, "Your injection appointment on " + when, body, text, onPaper,
                properties.publicUrl() + "/my-appointment/" + link.get(),
                new Attachment("appointment-letter.pdf", "application/pdf", render(letter)), true));
        sent.ifPresent(s -> {
            audit.record(AuditAction.EXPORT, RECORD_TYPE, event.appointmentId(), letter.patientId(), switch (s.channel()) {
                case EMAIL -> "letter emailed";
                case SMS -> "letter texted and queued for printing";
                case LETTER -> "letter queued for printing";
            });
            handled.answeredWith(key, s.messageId());
        });
    }

    /**
     * Tells the patient their appointment is cancelled, so that nobody keeps a blood thinner stopped or travels
     * for nothing; a missed appointment is followed up by staff instead.
     */
    @ApplicationModuleListener
    void on(AppointmentCancelled event) {
        String key = "cancelled:" + event.appointmentId();
        if (event.status() != AppointmentStatus.CANCELLED || !handled.claim(key)) {
            return;
        }
        AppointmentLetter letter = letter(event.appointmentId());
        String when = WHEN.format(letter.start());
        boolean byPatient = event.reason() != null && event.reason().startsWith("cancelled by the patient");
        String body = "Dear " + letter.patientName() + ",\n\n"
                + (byPatient ? "Thank you for letting us know. " : "We are sorry: we have had to cancel ")
                + (byPatient ? "Your " + letter.procedure() + " appointment on " + when + " is cancelled."
                        : "your " + letter.procedure() + " appointment on " + when + ".")
                + "\n\nYou stay on our waiting list and we will offer you a new date."
                + (letter.medicines().isEmpty() ? ""
                        : " If you have already stopped your blood thinner for this appointment, start it again at your"
                                + " usual time unless your doctor has told you otherwise.")
                + "\n\n" + service.signature();
        // The text names the date only; advice on restarting a blood thinner goes on paper as well (HAZ-111).
        String text = "Your appointment with " + service.name() + " on " + when + " is cancelled. You stay on our waiting list."
                + (letter.medicines().isEmpty() ? "" : " A letter follows by post.")
                + (service.hasTelephone() ? " Questions: " + service.telephone() : "");
        messages.send(new PatientMessage(letter.patientId(), "appointment-cancelled", event.appointmentId(), true,
                "Your injection appointment on " + when + " is cancelled", body, text, body, null, null,
                !letter.medicines().isEmpty())).ifPresent(s -> {
                    audit.record(AuditAction.EXPORT, RECORD_TYPE, event.appointmentId(), letter.patientId(),
                            "cancellation sent: " + s.channel().label().toLowerCase());
                    handled.answeredWith(key, s.messageId());
                });
    }

    /** Emails a waiting patient the link to choose their own slot. */
    @ApplicationModuleListener
    void on(BookingInvited event) {
        String key = "invited:" + event.invitationId();
        if (!handled.claim(key)) {
            return;
        }
        Patient patient = patients.find(new PatientId(event.patientId())).orElseThrow();
        Optional<String> token = invitations.newInvitationToken(event.invitationId());
        if (token.isEmpty()) {
            return;
        }
        String link = EmailOutbox.LINK;
        String expires = WHEN.format(LocalDateTime.ofInstant(event.expiresAt(), clock.getZone()));
        String body = "Dear " + patient.fullName() + ",\n\n" + (event.slotStart() == null
                ? "You are on our waiting list for an image-guided injection. You can choose your appointment yourself:\n"
                        + link + "\n\nThe link shows the earliest appointments that suit the injection your doctor asked "
                        + "for and works once, until " + expires + "."
                : "An earlier appointment for your injection has become free: "
                        + WHEN.format(LocalDateTime.ofInstant(event.slotStart(), clock.getZone())) + ". To take it, open\n"
                        + link + "\nbefore " + expires + ". If you do not want it, do nothing: you keep your place on the "
                        + "waiting list.")
                + " Keep the link private. Once booked, we email you a letter telling you how to prepare.\n\n"
                + service.signature();
        String subject = event.slotStart() == null ? "Choose your injection appointment" : "An earlier injection appointment is free";
        String text = (event.slotStart() == null ? "Choose your appointment with " + service.name() + ": "
                : "An earlier appointment with " + service.name() + " is free: "
                        + WHEN.format(LocalDateTime.ofInstant(event.slotStart(), clock.getZone())) + ". To take it: ")
                + link + " (until " + expires + "; keep it private)";
        // On paper a link is a short code, issued when the letter is printed (ADR 0078).
        String onPaper = "Dear " + patient.fullName() + ",\n\n" + (event.slotStart() == null
                ? "You are on our waiting list for an image-guided injection. You can choose your appointment yourself."
                : "An earlier appointment for your injection has become free: "
                        + WHEN.format(LocalDateTime.ofInstant(event.slotStart(), clock.getZone())) + ". If you do not want it, "
                        + "do nothing: you keep your place on the waiting list.")
                + "\n\nGo to " + links.codePage() + " and type this code:\n\n" + EmailOutbox.LINK
                + "\n\nThe code works until " + expires + ". Keep it private."
                + (service.hasTelephone() ? " If you would rather book by phone, call " + service.telephone() + "." : "")
                + "\n\n" + service.signature();
        messages.send(new PatientMessage(event.patientId(), FreshLinks.BOOKING_INVITATION, event.invitationId(), false, subject,
                body, text, onPaper, properties.publicUrl() + "/choose-appointment/" + token.get(), null, false))
                .ifPresent(s -> {
                    audit.record(AuditAction.EXPORT, RECORD_TYPE, event.invitationId(), event.patientId(),
                            "booking link sent: " + s.channel().label().toLowerCase());
                    handled.answeredWith(key, s.messageId());
                });
    }
}
