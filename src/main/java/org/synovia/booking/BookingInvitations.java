package org.synovia.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.catalogue.ProcedurePrices;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Referrals;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Money;
import org.synovia.shared.Secrets;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.waitinglist.Payer;
import org.synovia.waitinglist.WaitingList;

/**
 * Booking links: staff send a waiting patient a link (or a printed code) to choose their own slot among those that
 * suit the vetted request, or among the few a plan offers; the patient, who has no account, chooses, confirms, and may
 * later change or cancel through the same link while it lives. Every choice has the guarantees of a clerk's booking
 * (safety at the start, the database against double booking). Only hashes of links and codes are kept.
 */
@Service
public class BookingInvitations {

    static final String RECORD_TYPE = "BookingInvitation";
    /** Slots a patient's booking link shows at once. */
    static final int INVITATION_OFFERS = 12;
    /** Who a booking the patient chose through their booking link is recorded as. */
    static final String PATIENT_INVITATION = "patient (booking link)";
    private static final String ONLY_WAITING = "Only a waiting patient can be sent a booking link.";

    private final Candidates candidates;
    private final SlotFinder slots;
    private final BookingDesk desk;
    private final FreedSlots freedSlots;
    private final AppointmentRepository repository;
    private final Referrals referrals;
    private final WaitingList waitingList;
    private final AcceptedProtocols protocols;
    private final ProcedurePrices prices;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final BookingProperties properties;
    private final Clock clock;

    BookingInvitations(Candidates candidates, SlotFinder slots, BookingDesk desk, FreedSlots freedSlots,
            AppointmentRepository repository, Referrals referrals, WaitingList waitingList, AcceptedProtocols protocols,
            ProcedurePrices prices, AuditTrail audit, ApplicationEventPublisher events, BookingProperties properties,
            Clock clock) {
        this.candidates = candidates;
        this.slots = slots;
        this.desk = desk;
        this.freedSlots = freedSlots;
        this.repository = repository;
        this.referrals = referrals;
        this.waitingList = waitingList;
        this.protocols = protocols;
        this.prices = prices;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The price a patient is told, and who pays it. */
    public record PatientCost(Money price, Payer payer, String insurerName) {
    }

    /**
     * Sends a waiting patient a link to choose their own slot among those that suit the vetted request, with
     * the same guarantees as a clerk's booking (safety at the start, the database against double booking).
     */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public UUID invite(UUID referralId) {
        return insert(referralId, null, "booking link sent");
    }

    /**
     * Sends a waiting patient a booking link limited to these slots (a plan's proposal and its alternatives): the
     * patient chooses one, with the same checks as a clerk's booking, or keeps their place on the list.
     */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public UUID inviteTo(UUID referralId, List<UUID> slotIds) {
        if (slotIds == null || slotIds.isEmpty()) {
            throw new InvalidInputException("slotId", "Choose at least one slot to offer.");
        }
        return insert(referralId, List.copyOf(slotIds), "booking link sent for " + slotIds.size() + " planned slots");
    }

    private UUID insert(UUID referralId, List<UUID> offeredSlotIds, String auditDetail) {
        Candidate candidate = candidates.of(referralId);
        if (!candidate.waiting()) {
            throw new InvalidInputException("referralId", ONLY_WAITING);
        }
        candidate.requireFundedOn(LocalDate.now(clock), "referralId");
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(86_400L * properties.invitationDays());
        UUID patientId = candidate.entry().patientId();
        repository.insertInvitation(id, referralId, patientId, now, CurrentUser.username(), expires, null, offeredSlotIds);
        audit.record(AuditAction.CREATE, RECORD_TYPE, id, patientId, auditDetail);
        events.publishEvent(new BookingInvited(id, referralId, patientId, null, expires));
        return id;
    }

    /** The secret for an invitation's link (only its hash is kept); empty once used or expired. */
    @Transactional
    public Optional<String> newInvitationToken(UUID invitationId) {
        String token = Secrets.newToken(32);
        return repository.setInvitationToken(invitationId, Secrets.sha256Hex(token), clock.instant()) ? Optional.of(token)
                : Optional.empty();
    }

    /**
     * A fresh link for an open invitation, sent again by staff: the earlier link and any printed code stop working.
     * Empty once the invitation is used or expired.
     */
    @Transactional
    public Optional<String> reissueInvitationLink(UUID invitationId) {
        String token = Secrets.newToken(32);
        if (!repository.replaceInvitationToken(invitationId, Secrets.sha256Hex(token), clock.instant())) {
            return Optional.empty();
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, invitationId, null, "booking link issued again");
        return Optional.of(token);
    }

    /**
     * A short code for a printed invitation (see {@link InvitationCodes}), replacing any earlier code and link; only
     * its hash is kept. Empty once the invitation is used or expired.
     */
    @Transactional
    public Optional<String> newInvitationCode(UUID invitationId) {
        String code = InvitationCodes.newCode();
        if (!repository.replaceInvitationCode(invitationId, Secrets.sha256Hex(code), clock.instant())) {
            return Optional.empty();
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, invitationId, null, "booking code issued for a letter");
        return Optional.of(InvitationCodes.printed(code));
    }

    /**
     * The patient typed the code from their letter: a fresh link token to the invitation's offers (the code keeps
     * working until the invitation is used or expires). Empty when no open invitation has this code.
     */
    @Transactional
    public Optional<String> linkForCode(String typed) {
        return InvitationCodes.normalised(typed).flatMap(code -> {
            String token = Secrets.newToken(32);
            return repository.setTokenForCode(Secrets.sha256Hex(code), Secrets.sha256Hex(token), clock.instant())
                    ? Optional.of(token) : Optional.<String>empty();
        });
    }

    /** The slots a patient's booking link offers; empty when the link is used, expired or not waiting. */
    @Transactional
    public Optional<SlotSearch> invitationOffers(String token, int wanted) {
        return onBehalfOfPatient(() -> invitation(token).map(open -> !open.offeredSlotIds().isEmpty()
                ? slots.offered(open.offeredSlotIds())
                : open.slotId() == null ? slots.find(open.referralId(), wanted) : slots.offered(List.of(open.slotId()))));
    }

    /**
     * What the patient's booking page tells a patient who pays, or whose insurer pays, the procedure costs, from the
     * price list (ADR 0073); empty when the NHS pays, the list has no price, or the link is used or expired.
     */
    @Transactional
    public Optional<PatientCost> invitationCost(String token) {
        return onBehalfOfPatient(() -> invitation(token).flatMap(open -> waitingList.entry(open.referralId()))
                .filter(entry -> entry.funding().payer() != Payer.NHS)
                .flatMap(entry -> prices.priceOf(entry.siteCode(), entry.guidance())
                        .map(price -> new PatientCost(price.price(), entry.funding().payer(), entry.funding().insurerName()))));
    }

    /**
     * The slot a patient picked through their booking link, with the preparation that start needs, for them to confirm
     * before anything is booked; empty when the link does not offer it (any more). Works for a link not yet used, and
     * within the link's life for a patient changing the appointment they booked with it.
     */
    @Transactional
    public Optional<SlotOffer> invitationChoice(String token, UUID slotId) {
        if (slotId == null) {
            return Optional.empty();
        }
        return onBehalfOfPatient(() -> {
            Optional<SlotSearch> offers = invitationOffers(token, INVITATION_OFFERS)
                    .or(() -> bookedByInvitation(token).map(this::changeOffers));
            return offers.flatMap(search -> search.offers().stream().filter(o -> o.slot().id().equals(slotId)).findFirst())
                    .map(offer -> new SlotOffer(offer.slot(), offer.linkedSlot(), offer.start(),
                            SlotFinder.plan(protocols.checkAt(new ReferralId(referralOf(token)), offer.start()))));
        });
    }

    /** The patient chooses a slot through their link; the link then stops working. */
    @Transactional
    public Appointment bookByInvitation(String token, UUID slotId) {
        return onBehalfOfPatient(() -> {
            var open = invitation(token)
                    .orElseThrow(() -> new InvalidInputException("slotId", "This booking link has been used or has expired."));
            if (open.slotId() != null && !open.slotId().equals(slotId)) {
                throw new InvalidInputException("slotId", "This link offers one appointment only.");
            }
            if (!open.offeredSlotIds().isEmpty() && !open.offeredSlotIds().contains(slotId)) {
                throw new InvalidInputException("slotId", "This link offers only the appointments it shows.");
            }
            Appointment appointment = desk.bookAs(candidates.of(open.referralId()), slotId, PATIENT_INVITATION);
            repository.useInvitation(Secrets.sha256Hex(token), clock.instant(), appointment.id());
            return appointment;
        });
    }

    /**
     * The appointment a patient booked through this link, while the link lives, the appointment is booked and it has
     * not begun: the patient may then change or cancel it through the same link.
     */
    @Transactional
    public Optional<Appointment> bookedByInvitation(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Optional<Appointment> appointment = repository.usedInvitationAppointment(Secrets.sha256Hex(token), clock.instant())
                .flatMap(repository::find).filter(a -> a.active() && a.start().isAfter(clock.instant()));
        appointment.ifPresent(a -> audit.record(AuditAction.READ, Bookings.RECORD_TYPE, a.id(), a.patientId(),
                "opened by booking link"));
        return appointment;
    }

    /** The slots a patient may change their link's appointment to: the same search as a clerk's move, theirs left out. */
    @Transactional
    public Optional<SlotSearch> invitationChangeOffers(String token) {
        return onBehalfOfPatient(() -> bookedByInvitation(token).map(this::changeOffers));
    }

    /**
     * The patient moves the appointment they booked through their link, with the checks of a clerk's move; the slot
     * they leave is offered to the next patient it suits, as a cancelled one is, when freed-slot offers are on.
     */
    @Transactional
    public Appointment changeByInvitation(String token, UUID slotId) {
        return onBehalfOfPatient(() -> {
            Appointment old = bookedByInvitation(token).orElseThrow(() -> new InvalidInputException("slotId",
                    "This link no longer opens a booked appointment that can be changed."));
            if (slotId == null) {
                throw new InvalidInputException("slotId", "Choose a new appointment.");
            }
            String why = "changed by the patient through their booking link";
            Appointment moved = desk.move(old, slotId, why, PATIENT_INVITATION);
            repository.moveInvitation(Secrets.sha256Hex(token), moved.id());
            if (properties.offerFreedSlots()) {
                freedSlots.offerFreedSlot(new AppointmentCancelled(old.id(), old.referralId(), old.patientId(), old.slotId(),
                        old.start(), AppointmentStatus.RESCHEDULED, why));
            }
            return moved;
        });
    }

    /** The patient cancels the appointment they booked through their link; the slot goes to freed-slot offers. */
    @Transactional
    public Appointment cancelByInvitation(String token, String reason) {
        return onBehalfOfPatient(() -> {
            Appointment appointment = bookedByInvitation(token).orElseThrow(() -> new InvalidInputException("reason",
                    "This link no longer opens a booked appointment."));
            return desk.end(appointment.id(), AppointmentStatus.CANCELLED,
                    "cancelled by the patient: " + ChangeReasons.optional(reason), PATIENT_INVITATION);
        });
    }

    private SlotSearch changeOffers(Appointment booked) {
        SlotSearch search = slots.find(booked.referralId(), INVITATION_OFFERS + 1);
        return new SlotSearch(search.offers().stream().filter(o -> !o.slot().id().equals(booked.slotId()))
                .limit(INVITATION_OFFERS).toList(), search.examined(), List.of());
    }

    private UUID referralOf(String token) {
        return repository.invitationByHash(Secrets.sha256Hex(token)).orElseThrow().referralId();
    }

    private Optional<AppointmentRepository.OpenInvitation> invitation(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return repository.openInvitation(Secrets.sha256Hex(token), clock.instant())
                .filter(open -> referrals.show(new ReferralId(open.referralId())).status() == ReferralStatus.WAITING);
    }

    /**
     * The patient has no account: the secret link authorises this one action, which the system carries out
     * for them (the audit trail names the system; the appointment names the patient's link).
     */
    private static <T> T onBehalfOfPatient(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
