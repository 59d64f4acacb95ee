package org.synovia.booking;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.catalogue.ProcedurePrices;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Referrals;
import org.synovia.safety.MedicationPlan;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;
import org.synovia.scheduling.SlotQuery;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Money;
import org.synovia.shared.Secrets;
import org.synovia.vetting.AcceptedProtocols.AcceptedProtocol;
import org.synovia.vetting.AcceptedProtocols.BookingCheck;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.waitinglist.Payer;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;
import org.synovia.waitinglist.WaitingListFilter;

/**
 * Books waiting patients into slots. Every start is re-checked with the safety engine at the real date and
 * time (HAZ-18, HAZ-28); the database refuses two active appointments in one room or for one operator at
 * once (HAZ-32), and that refusal reaches the clerk as "this slot was just taken", never as an error page.
 * Every change is kept in {@code appointment_change} and the audit trail. Changes need a booking clerk
 * (a nurse may mark did-not-attend; an administrator needs a clinical role too, ADR 0002); reads are guarded by the pages that call them and also
 * serve letters and reminders, which run as the system.
 */
@Service
public class Bookings {

    static final String RECORD_TYPE = "Appointment";
    static final String SLOT_TAKEN = "This slot was just taken by another booking. Choose another slot.";
    /** Open slots tested against the safety engine per search; enough for 12 weeks of lists. */
    static final int MAX_SLOTS_CHECKED = 400;
    /** Slots a patient's booking link shows at once. */
    static final int INVITATION_OFFERS = 12;
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DEADLOCK = "40P01";
    /** Who a change made through the patient's own link is recorded as. */
    static final String PATIENT_LINK = "patient (own link)";
    /** Who a booking the patient chose through their booking link is recorded as. */
    static final String PATIENT_INVITATION = "patient (booking link)";

    private final AppointmentRepository repository;
    private final Sessions sessions;
    private final Referrals referrals;
    private final WaitingList waitingList;
    private final AcceptedProtocols protocols;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final BookingProperties properties;
    private final Clock clock;
    private final ObjectProvider<FreedSlotChooser> chooser;
    private final ProcedurePrices prices;

    Bookings(AppointmentRepository repository, Sessions sessions, Referrals referrals, WaitingList waitingList,
            AcceptedProtocols protocols, AuditTrail audit, ApplicationEventPublisher events, BookingProperties properties,
            Clock clock, ObjectProvider<FreedSlotChooser> chooser, ProcedurePrices prices) {
        this.prices = prices;
        this.chooser = chooser;
        this.properties = properties;
        this.repository = repository;
        this.sessions = sessions;
        this.referrals = referrals;
        this.waitingList = waitingList;
        this.protocols = protocols;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The earliest slots that suit this patient's accepted protocol: right guidance and room, a competent
     * operator of the grade (or the named one), long enough, inside the entry's earliest and latest dates,
     * not while the patient is away, free, and passing the safety engine at that start.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public SlotSearch search(UUID referralId, int wanted) {
        return find(referralId, wanted);
    }

    /**
     * As {@link #search}, but the first slots on or after {@code day} (today when null). A day before the earliest this
     * patient may be booked (today, or the earliest date safety and policy set at vetting) is not searched: the search
     * starts at that earliest day instead, and the answer says why.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
    public DatedSlotSearch searchFrom(UUID referralId, int wanted, LocalDate day) {
        Candidate candidate = candidate(referralId);
        LocalDate earliest = candidate.query().from();
        LocalDate today = LocalDate.now(clock);
        String why = earliest.isAfter(today) && candidate.entry().dateConstraints() != null
                && !candidate.entry().dateConstraints().isBlank() ? candidate.entry().dateConstraints().strip()
                : earliest.isAfter(today) ? "The earliest date was set when the referral was vetted."
                : "Appointments cannot be booked in the past.";
        SlotSearch search = find(candidate, wanted, day);
        return new DatedSlotSearch(search, day, day == null || day.isBefore(earliest) ? earliest : day, earliest, why,
                candidate.query().to());
    }

    private SlotSearch find(UUID referralId, int wanted) {
        return find(candidate(referralId), wanted, null);
    }

    private SlotSearch find(Candidate candidate, int wanted, LocalDate day) {
        UUID referralId = candidate.referral().id().value();
        String unfunded = candidate.entry().funding().refusalOn(LocalDate.now(clock));
        if (unfunded != null) {
            audit.record(AuditAction.SEARCH, RECORD_TYPE, referralId, candidate.entry().patientId(),
                    "no slots offered: " + candidate.entry().funding().state());
            return new SlotSearch(List.of(), 0, List.of(unfunded));
        }
        List<Slot> open = sessions.openSlots(candidate.query().startingFrom(day));
        Set<UUID> taken = repository.takenSlots(open.stream().map(Slot::id).toList());
        AcceptedProtocols.StartChecker checker = protocols.checker(new ReferralId(referralId));
        List<SlotOffer> offers = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Map<String, SlotSearch.StopAt> stops = new LinkedHashMap<>();
        int examined = 0;
        for (Slot slot : open) {
            if (offers.size() >= wanted || examined >= MAX_SLOTS_CHECKED) {
                break;
            }
            if (taken.contains(slot.id())) {
                continue;
            }
            Optional<Slot> linked = oneStopVisit(candidate, slot) ? freeFollowing(slot) : Optional.empty();
            if (oneStopVisit(candidate, slot) && linked.isEmpty()) {
                continue;
            }
            examined++;
            LocalDateTime start = LocalDateTime.ofInstant(slot.start(), zone());
            BookingCheck check = checker.check(start);
            if (check.allowed()) {
                offers.add(new SlotOffer(slot, linked.orElse(null), start, plan(check)));
            }
            else {
                if (refused.size() < 3) {
                    refused.add(start.toLocalDate() + " " + start.toLocalTime() + ": " + check.problems().getFirst());
                }
                check.blockingStops().forEach(f -> stops.putIfAbsent(f.ruleId(), new SlotSearch.StopAt(f, start)));
            }
        }
        audit.record(AuditAction.SEARCH, RECORD_TYPE, referralId, candidate.entry().patientId(),
                offers.size() + " slots offered of " + examined + " examined");
        return new SlotSearch(offers, examined, refused, List.copyOf(stops.values()));
    }

    /** Books the slot, or says in words why not; nothing is written unless everything succeeds. */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public Appointment book(UUID referralId, UUID slotId) {
        return bookAs(referralId, slotId, CurrentUser.username());
    }

    /**
     * Sends a waiting patient a link to choose their own slot among those that suit the vetted request, with
     * the same guarantees as a clerk's booking (safety at the start, the database against double booking).
     */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public UUID invite(UUID referralId) {
        Candidate candidate = candidate(referralId);
        if (candidate.referral().status() != ReferralStatus.WAITING) {
            throw new InvalidInputException("referralId", "Only a waiting patient can be sent a booking link.");
        }
        requireFunded(candidate, LocalDate.now(clock), "referralId");
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(86_400L * properties.invitationDays());
        repository.insertInvitation(id, referralId, candidate.entry().patientId(), now, CurrentUser.username(), expires, null);
        audit.record(AuditAction.CREATE, "BookingInvitation", id, candidate.entry().patientId(), "booking link sent");
        events.publishEvent(new BookingInvited(id, referralId, candidate.entry().patientId(), null, expires));
        return id;
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
        Candidate candidate = candidate(referralId);
        if (candidate.referral().status() != ReferralStatus.WAITING) {
            throw new InvalidInputException("referralId", "Only a waiting patient can be sent a booking link.");
        }
        requireFunded(candidate, LocalDate.now(clock), "referralId");
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(86_400L * properties.invitationDays());
        repository.insertInvitation(id, referralId, candidate.entry().patientId(), now, CurrentUser.username(), expires, null,
                List.copyOf(slotIds));
        audit.record(AuditAction.CREATE, "BookingInvitation", id, candidate.entry().patientId(),
                "booking link sent for " + slotIds.size() + " planned slots");
        events.publishEvent(new BookingInvited(id, referralId, candidate.entry().patientId(), null, expires));
        return id;
    }

    /**
     * Offers a slot freed by a cancellation to the waiting patient the planner chooses for it (or, without a planner or
     * when its choice no longer passes the checks, the most overdue patient it suits), not the one who cancelled, by a
     * link that stands for {@code offer-hours}; runs as the system after the cancellation.
     */
    @Transactional
    void offerFreedSlot(AppointmentCancelled cancelled) {
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(3_600L * properties.offerHours());
        Slot slot = sessions.slot(cancelled.slotId()).orElseThrow();
        if (slot.withdrawnReason() != null || slot.start().isBefore(expires)
                || !repository.takenSlots(List.of(slot.id())).isEmpty()) {
            return;
        }
        Map<UUID, FreedSlotChooser.Choice> choices = choices(List.of(slot.id()), cancelled.referralId());
        candidatesFor(slot, chosenFirst(waitingList.waiting(WaitingListFilter.ALL).stream()
                .filter(e -> !e.referralId().equals(cancelled.referralId())).toList(), choices.get(slot.id())), 1,
                choices.get(slot.id())).stream().findFirst()
                .ifPresent(next -> {
                    UUID id = UUID.randomUUID();
                    UUID patientId = waitingList.entry(next.referralId()).orElseThrow().patientId();
                    String reason = next.choiceReason() != null ? next.choiceReason() : "the most overdue patient it suits";
                    // One offer per cancellation: the event handled again (a restart, a second instance) offers nothing.
                    if (!repository.insertFreedSlotOffer(id, next.referralId(), patientId, now, CurrentUser.username(),
                            expires, slot.id(), cancelled.appointmentId(), reason)) {
                        return;
                    }
                    audit.record(AuditAction.CREATE, "BookingInvitation", id, patientId, "freed slot offered: " + reason);
                    events.publishEvent(new BookingInvited(id, next.referralId(), patientId, slot.start(), expires));
                });
    }

    private Map<UUID, FreedSlotChooser.Choice> choices(Collection<UUID> slotIds, UUID excludedReferralId) {
        FreedSlotChooser planner = chooser.getIfAvailable();
        return planner == null || slotIds.isEmpty() ? Map.of() : planner.choose(slotIds, excludedReferralId);
    }

    /** The waiting list with the chosen patient moved to the front; the rest keep their most-overdue order. */
    private static List<WaitingListEntry> chosenFirst(List<WaitingListEntry> waiting, FreedSlotChooser.Choice choice) {
        if (choice == null) {
            return waiting;
        }
        List<WaitingListEntry> ordered = new ArrayList<>(waiting.size());
        waiting.stream().filter(e -> e.referralId().equals(choice.referralId())).forEach(ordered::add);
        waiting.stream().filter(e -> !e.referralId().equals(choice.referralId())).forEach(ordered::add);
        return ordered;
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
        audit.record(AuditAction.UPDATE, "BookingInvitation", invitationId, null, "booking link issued again");
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
        audit.record(AuditAction.UPDATE, "BookingInvitation", invitationId, null, "booking code issued for a letter");
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
                ? offered(open.offeredSlotIds())
                : open.slotId() == null ? find(open.referralId(), wanted) : offered(List.of(open.slotId()))));
    }

    /** The slots an offer holds out (a freed slot, or a plan's proposal and alternatives) that nobody has taken. */
    private SlotSearch offered(List<UUID> slotIds) {
        Map<UUID, Slot> slots = sessions.slots(slotIds);
        Set<UUID> taken = repository.takenSlots(slotIds);
        List<SlotOffer> offers = slotIds.stream().map(slots::get)
                .filter(s -> s != null && s.withdrawnReason() == null && !taken.contains(s.id()))
                .map(s -> new SlotOffer(s, null, LocalDateTime.ofInstant(s.start(), zone()), List.<String>of())).toList();
        return new SlotSearch(offers, slotIds.size(), List.of());
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

    /** The price a patient is told, and who pays it. */
    public record PatientCost(Money price, Payer payer, String insurerName) {
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
            Appointment appointment = bookAs(open.referralId(), slotId, PATIENT_INVITATION);
            repository.useInvitation(Secrets.sha256Hex(token), clock.instant(), appointment.id());
            return appointment;
        });
    }

    /**
     * The patient has no account: the secret link authorises this one action, which the system carries out
     * for them (the audit trail names the system; the appointment names the patient's link).
     */
    private static <T> T onBehalfOfPatient(Supplier<T> work) {
        SecurityContext previous =
                SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private Optional<AppointmentRepository.OpenInvitation> invitation(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return repository.openInvitation(Secrets.sha256Hex(token), clock.instant())
                .filter(open -> referrals.show(new ReferralId(open.referralId())).status() == ReferralStatus.WAITING);
    }

    /**
     * Adds a waiting patient to a free slot later today: a gap on today's list filled by a patient who can come now
     * (ADR 0083; the demo's day is made this way). Everything a booking checks is checked, the safety engine at the
     * real start included, except the day's notice the earliest date gives; a slot on another day is refused.
     */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public Appointment addToToday(UUID referralId, UUID slotId) {
        Slot slot = slotId == null ? null : sessions.slot(slotId).orElse(null);
        if (slot == null || !LocalDate.ofInstant(slot.start(), zone()).equals(LocalDate.now(clock))
                || slot.start().isBefore(clock.instant())) {
            throw new InvalidInputException("slotId", "Choose a free slot later today.");
        }
        return bookAs(referralId, slotId, CurrentUser.username(), true);
    }

    private Appointment bookAs(UUID referralId, UUID slotId, String by) {
        return bookAs(referralId, slotId, by, false);
    }

    private Appointment bookAs(UUID referralId, UUID slotId, String by, boolean today) {
        Candidate candidate = today ? candidateToday(referralId) : candidate(referralId);
        if (candidate.referral().status() != ReferralStatus.WAITING) {
            throw new InvalidInputException("slotId", "This patient is " + candidate.referral().status().label().toLowerCase()
                    + ", not waiting; open their appointment to change it.");
        }
        Appointment appointment = place(candidate, slotId, by);
        referrals.advance(new ReferralId(referralId), ReferralStatus.BOOKED, "booked for " + describe(appointment));
        waitingList.booked(referralId, describe(appointment));
        repository.recordChange(appointment.id(), "BOOKED", clock.instant(), by, null);
        audit.record(AuditAction.CREATE, RECORD_TYPE, appointment.id(), appointment.patientId(), "booked " + describe(appointment));
        events.publishEvent(new AppointmentBooked(appointment.id(), referralId, appointment.patientId(), appointment.start(), null));
        return appointment;
    }

    /** Moves an active appointment to another slot, re-checking safety at the new start. */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public Appointment reschedule(UUID appointmentId, UUID slotId, String reason) {
        return move(active(appointmentId), slotId, reason(reason), CurrentUser.username());
    }

    private Appointment move(Appointment old, UUID slotId, String why, String by) {
        Candidate candidate = candidate(old.referralId());
        Instant now = clock.instant();
        // The old appointment stops holding its room first, so a move within the same session can succeed.
        if (!repository.end(old.id(), AppointmentStatus.RESCHEDULED, now, by, why, null)) {
            throw new InvalidInputException("slotId", "This appointment was changed by someone else just now; reload it.");
        }
        Appointment moved = place(candidate, slotId, by);
        repository.setReplacedBy(old.id(), moved.id());
        repository.recordChange(old.id(), "RESCHEDULED", now, by, why + " (now " + describe(moved) + ")");
        repository.recordChange(moved.id(), "BOOKED", now, by, "moved from " + describe(old) + ": " + why);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, old.id(), old.patientId(), "moved to " + describe(moved) + ": " + why);
        events.publishEvent(new AppointmentBooked(moved.id(), moved.referralId(), moved.patientId(), moved.start(), old.id()));
        return moved;
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
                    .or(() -> bookedByInvitation(token).map(a -> changeOffers(a)));
            return offers.flatMap(search -> search.offers().stream().filter(o -> o.slot().id().equals(slotId)).findFirst())
                    .map(offer -> new SlotOffer(offer.slot(), offer.linkedSlot(), offer.start(),
                            plan(protocols.checkAt(new ReferralId(referralOf(token)), offer.start()))));
        });
    }

    /** The slots a patient may change their link's appointment to: the same search as a clerk's move, theirs left out. */
    @Transactional
    public Optional<SlotSearch> invitationChangeOffers(String token) {
        return onBehalfOfPatient(() -> bookedByInvitation(token).map(this::changeOffers));
    }

    private SlotSearch changeOffers(Appointment booked) {
        SlotSearch search = find(booked.referralId(), INVITATION_OFFERS + 1);
        return new SlotSearch(search.offers().stream().filter(o -> !o.slot().id().equals(booked.slotId()))
                .limit(INVITATION_OFFERS).toList(), search.examined(), List.of());
    }

    private UUID referralOf(String token) {
        return repository.invitationByHash(Secrets.sha256Hex(token)).orElseThrow().referralId();
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
        appointment.ifPresent(a -> audit.record(AuditAction.READ, RECORD_TYPE, a.id(), a.patientId(), "opened by booking link"));
        return appointment;
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
            Appointment moved = move(old, slotId, why, PATIENT_INVITATION);
            repository.moveInvitation(Secrets.sha256Hex(token), moved.id());
            if (properties.offerFreedSlots()) {
                offerFreedSlot(new AppointmentCancelled(old.id(), old.referralId(), old.patientId(), old.slotId(), old.start(),
                        AppointmentStatus.RESCHEDULED, why));
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
            String why = reason == null || reason.isBlank() ? "no reason given" : reason(reason);
            return end(appointment.id(), AppointmentStatus.CANCELLED, "cancelled by the patient: " + why, PATIENT_INVITATION);
        });
    }

    /** Cancels with a reason; the patient goes back on the waiting list with their original clock start. */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public Appointment cancel(UUID appointmentId, String reason) {
        return end(appointmentId, AppointmentStatus.CANCELLED, reason(reason));
    }

    /** Marks a patient who did not come; only once the appointment has started. */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'NURSE')")
    public Appointment didNotAttend(UUID appointmentId) {
        Appointment appointment = active(appointmentId);
        if (appointment.start().isAfter(clock.instant())) {
            throw new InvalidInputException("status", "A patient can only miss an appointment once it has started.");
        }
        return end(appointmentId, AppointmentStatus.DID_NOT_ATTEND, "did not attend");
    }

    private Appointment end(UUID appointmentId, AppointmentStatus status, String why) {
        return end(appointmentId, status, why, CurrentUser.username());
    }

    private Appointment end(UUID appointmentId, AppointmentStatus status, String why, String by) {
        Appointment appointment = active(appointmentId);
        Instant now = clock.instant();
        if (!repository.end(appointmentId, status, now, by, why, null)) {
            throw new InvalidInputException("status", "This appointment was changed by someone else just now; reload it.");
        }
        referrals.advance(new ReferralId(appointment.referralId()), ReferralStatus.WAITING,
                status.label().toLowerCase() + ": " + why);
        waitingList.returned(appointment.referralId(), status.label().toLowerCase() + ": " + why);
        repository.recordChange(appointmentId, status.name(), now, by, why);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, appointmentId, appointment.patientId(), status + " by " + by + ": " + why);
        events.publishEvent(new AppointmentCancelled(appointmentId, appointment.referralId(), appointment.patientId(),
                appointment.slotId(), appointment.start(), status, why));
        return repository.find(appointmentId).orElseThrow();
    }

    /**
     * A new secret link for the patient to see and cancel this appointment (sent in the letter email). Only
     * the SHA-256 of the token is stored; a new link replaces the old one. Empty when it is no longer booked.
     */
    @Transactional
    public Optional<String> newPatientLink(UUID appointmentId) {
        String token = Secrets.newToken(32);
        if (!repository.setPatientLinkHash(appointmentId, Secrets.sha256Hex(token))) {
            return Optional.empty();
        }
        Appointment appointment = repository.find(appointmentId).orElseThrow();
        audit.record(AuditAction.UPDATE, RECORD_TYPE, appointmentId, appointment.patientId(), "patient link issued");
        return Optional.of(token);
    }

    /** The appointment a patient's link opens, while it is booked and has not started. */
    @Transactional
    public Optional<Appointment> byPatientLink(String token) {
        Optional<Appointment> appointment = token == null || token.length() > 100 ? Optional.empty()
                : repository.byPatientLinkHash(Secrets.sha256Hex(token)).filter(a -> a.active() && a.start().isAfter(clock.instant()));
        appointment.ifPresent(a -> audit.record(AuditAction.READ, RECORD_TYPE, a.id(), a.patientId(), "opened by patient link"));
        return appointment;
    }

    /** The patient cancels through their link; the slot is then offered to others on the freed-slot list. */
    @Transactional
    public Appointment cancelByPatient(String token, String reason) {
        Appointment appointment = byPatientLink(token)
                .orElseThrow(() -> new InvalidInputException("reason", "This link no longer opens a booked appointment."));
        String why = reason == null || reason.isBlank() ? "no reason given" : reason(reason);
        return end(appointment.id(), AppointmentStatus.CANCELLED, "cancelled by the patient: " + why, PATIENT_LINK);
    }

    /**
     * Slots freed by cancellations and moves that are still free, each with up to {@code perSlot} waiting
     * patients it suits (same tests as the slot search, safety at that start included), most overdue first.
     */
    @Transactional
    @PreAuthorize("hasRole('BOOKING')")
    public List<FreedSlot> freedSlots(int perSlot) {
        List<WaitingListEntry> waiting = waitingList.waiting(WaitingListFilter.ALL);
        List<UUID> freedIds = repository.freedSlots(clock.instant());
        Map<UUID, FreedSlotChooser.Choice> choices = choices(freedIds, null);
        List<FreedSlot> freed = new ArrayList<>();
        for (UUID slotId : freedIds) {
            Slot slot = sessions.slot(slotId).orElseThrow();
            if (slot.withdrawnReason() != null) {
                continue;
            }
            LocalDateTime start = LocalDateTime.ofInstant(slot.start(), zone());
            FreedSlotChooser.Choice choice = choices.get(slotId);
            List<FreedSlot.Candidate> candidates = candidatesFor(slot, chosenFirst(waiting, choice), perSlot, choice);
            freed.add(new FreedSlot(slot, start, candidates));
        }
        return freed;
    }

    /**
     * Waiting patients (in the order given) whom this slot suits and is safe for at its start; the planner's choice,
     * when it passes, carries its reason.
     */
    private List<FreedSlot.Candidate> candidatesFor(Slot slot, List<WaitingListEntry> waiting, int limit,
            FreedSlotChooser.Choice choice) {
        LocalDateTime start = LocalDateTime.ofInstant(slot.start(), zone());
        LocalDate day = start.toLocalDate();
        List<FreedSlot.Candidate> candidates = new ArrayList<>();
        for (WaitingListEntry entry : waiting) {
            if (candidates.size() >= limit || !slot.roomGuidance().contains(entry.guidance())
                    || !entry.funding().allowsTreatmentOn(day)) {
                continue;
            }
            Candidate candidate = candidate(entry.referralId());
            SlotQuery q = candidate.query();
            if (day.isBefore(q.from()) || day.isAfter(q.to()) || sessions.openSlots(q.onDay(day)).stream().noneMatch(s -> s.id().equals(slot.id()))) {
                continue;
            }
            BookingCheck check = protocols.checkAt(new ReferralId(entry.referralId()), start);
            if (check.allowed()) {
                candidates.add(new FreedSlot.Candidate(entry.referralId(), entry.patientName(), entry.siteName(),
                        entry.breachDate(), plan(check),
                        choice != null && choice.referralId().equals(entry.referralId()) ? choice.reason() : null));
            }
        }
        return candidates;
    }

    @Transactional
    public Appointment appointment(UUID id) {
        Appointment appointment = repository.find(id)
                .orElseThrow(() -> new InvalidInputException("appointmentId", "There is no such appointment."));
        audit.record(AuditAction.READ, RECORD_TYPE, id, appointment.patientId(), null);
        return appointment;
    }

    @Transactional
    public List<Appointment> forReferral(UUID referralId) {
        List<Appointment> appointments = repository.forReferral(referralId);
        appointments.stream().findFirst().ifPresent(a -> audit.record(AuditAction.LIST, RECORD_TYPE, null, a.patientId(),
                appointments.size() + " appointments of referral " + referralId));
        return appointments;
    }

    /**
     * Every appointment of these referrals, whatever became of it, in order of booking: one read however many
     * referrals, audited one line per patient. The caller has checked that the user may see the referrals.
     */
    @Transactional
    public List<Appointment> forReferrals(Collection<UUID> referralIds) {
        if (referralIds.isEmpty()) {
            return List.of();
        }
        List<Appointment> appointments = repository.forReferrals(referralIds);
        if (!appointments.isEmpty()) {
            audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, appointments, Appointment::id, Appointment::patientId,
                    "appointments of referrals");
        }
        return appointments;
    }

    public List<AppointmentChange> history(UUID appointmentId) {
        return repository.changes(appointmentId);
    }

    /** Active appointments on the given days, earliest first (the clerk's and nurses' day lists). */
    @Transactional
    public List<Appointment> booked(LocalDate from, LocalDate to) {
        List<Appointment> list = repository.activeBetween(from.atStartOfDay(zone()).toInstant(),
                to.plusDays(1).atStartOfDay(zone()).toInstant());
        audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, list, Appointment::id, Appointment::patientId,
                "appointments " + from + " to " + to);
        return list;
    }

    /**
     * Active appointments on the given days with the patient's name, the procedure, the room and the operator, earliest
     * first (the clerk's appointments list), read in one statement and audited in one, however many there are.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE', 'ADMIN')")
    public List<BookedProcedure> appointmentList(LocalDate from, LocalDate to) {
        List<BookedProcedure> list = repository.bookedProcedures(BookedProcedureQuery.between(
                from.atStartOfDay(zone()).toInstant(), to.plusDays(1).atStartOfDay(zone()).toInstant()));
        audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, list, BookedProcedure::appointmentId,
                BookedProcedure::patientId, "appointments " + from + " to " + to);
        return list;
    }

    /**
     * One week by room: every slot of the seven days from {@code monday}, free, booked (with the patient and the
     * procedure, for staff) or withdrawn. Four statements and one audit insert, however many slots and rooms.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'ADMIN', 'RADIOLOGIST', 'NURSE')")
    public WeekCalendar week(LocalDate monday) {
        LocalDate sunday = monday.plusDays(6);
        List<Slot> slots = sessions.slotsBetween(monday, sunday);
        List<BookedProcedure> booked = repository.bookedProcedures(BookedProcedureQuery.between(
                monday.atStartOfDay(zone()).toInstant(), sunday.plusDays(1).atStartOfDay(zone()).toInstant()));
        Set<UUID> taken = repository.takenSlots(slots.stream().map(Slot::id).toList());
        if (!booked.isEmpty()) {
            audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, booked, BookedProcedure::appointmentId,
                    BookedProcedure::patientId, "week calendar from " + monday);
        }
        return WeekCalendar.of(monday, zone(), sessions.rooms(), slots, booked, taken, clock.instant());
    }

    /**
     * Booked appointments with the patient, procedure, room and operator, for a machine's or a room's list, read in
     * one statement however many match (ADR 0047). Not audited here: the caller records what it gives out, one line
     * per patient in the same transaction ({@link AuditTrail#recordAll}), which is why a transaction is required.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<BookedProcedure> bookedProcedures(BookedProcedureQuery query) {
        return repository.bookedProcedures(query);
    }

    /** The day's appointments still booked or marked did-not-attend, earliest first (the procedure day list). */
    @Transactional
    public List<Appointment> onDay(LocalDate day) {
        List<Appointment> list = repository.bookedOrMissedBetween(day.atStartOfDay(zone()).toInstant(),
                day.plusDays(1).atStartOfDay(zone()).toInstant());
        audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, list, Appointment::id, Appointment::patientId,
                "appointments on " + day);
        return list;
    }

    /**
     * Booked appointments whose slot was later withdrawn by leave or a closure: the patient still expects to
     * come, so the clerk must move them. Keyed by appointment, with the reason the slot was withdrawn.
     */
    @Transactional
    public Map<Appointment, String> needingNewSlot() {
        List<Appointment> active = repository.activeBetween(clock.instant(), clock.instant().plusSeconds(366L * 86_400));
        Map<UUID, String> withdrawn = sessions.withdrawn(active.stream().map(Appointment::slotId).toList());
        Map<Appointment, String> needing = new LinkedHashMap<>();
        active.stream().filter(a -> withdrawn.containsKey(a.slotId())).forEach(a -> needing.put(a, withdrawn.get(a.slotId())));
        if (!needing.isEmpty()) {
            audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, needing.keySet(), Appointment::id, Appointment::patientId,
                    "appointments in withdrawn slots");
        }
        return needing;
    }

    public Optional<Slot> slot(Appointment appointment) {
        return sessions.slot(appointment.slotId());
    }

    /** The slot of each appointment, keyed by appointment id, in one read for a whole list. */
    public Map<UUID, Slot> slots(Collection<Appointment> appointments) {
        Map<UUID, Slot> byId = sessions.slots(appointments.stream().map(Appointment::slotId).collect(Collectors.toSet()));
        Map<UUID, Slot> byAppointment = new LinkedHashMap<>();
        appointments.forEach(a -> byAppointment.put(a.id(), byId.get(a.slotId())));
        return byAppointment;
    }

    /** Which of these slots an active appointment holds (as its own slot or a one-stop visit's second), in one read. */
    public Set<UUID> takenSlots(Collection<UUID> slotIds) {
        return repository.takenSlots(slotIds);
    }

    /**
     * Who injected each of these patients last (their latest appointment that has started and was not cancelled or
     * missed), keyed by patient, in one read; a patient never injected here is absent. Planning prefers them again.
     */
    public Map<UUID, UUID> lastOperators(Collection<UUID> patientIds) {
        return repository.lastOperators(patientIds, clock.instant());
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    Instant now() {
        return clock.instant();
    }

    /** Today in the clinic's time zone, by the application's clock (never the wall clock: tests fix it). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private record Candidate(Referral referral, WaitingListEntry entry, AcceptedProtocol accepted, SlotQuery query) {
    }

    private Candidate candidate(UUID referralId) {
        Referral referral = referrals.show(new ReferralId(referralId));
        WaitingListEntry entry = waitingList.entry(referralId)
                .orElseThrow(() -> new InvalidInputException("referralId", "This referral is not on the waiting list."));
        AcceptedProtocol accepted = protocols.forReferral(new ReferralId(referralId))
                .orElseThrow(() -> new InvalidInputException("referralId", "This referral has no accepted protocol."));
        LocalDate today = LocalDate.now(clock);
        LocalDate from = entry.earliestDate() != null && entry.earliestDate().isAfter(today) ? entry.earliestDate() : today;
        LocalDate to = entry.latestDate() != null ? entry.latestDate() : today.plusYears(1);
        // An approval that runs out bounds the days offered, as a latest date does.
        LocalDate covered = entry.funding().coveredUntil();
        if (covered != null && covered.isBefore(to)) {
            to = covered;
        }
        String grade = entry.operatorGrade() != null ? entry.operatorGrade() : accepted.protocol().operatorGrade();
        SlotQuery query = new SlotQuery(entry.guidance(), referral.details().siteCode(), grade,
                accepted.protocol().namedOperator(), accepted.protocol().slotMinutes(), from, to, entry.unavailableFrom(),
                entry.unavailableTo(), referral.details().additionalTargets().stream()
                        .map(org.synovia.referral.ReferralDetails.Target::siteCode).collect(java.util.stream.Collectors.toSet()));
        return new Candidate(referral, entry, accepted, query);
    }

    /** As {@link #candidate(UUID)}, from today whatever the entry's earliest date (a same-day addition). */
    private Candidate candidateToday(UUID referralId) {
        Candidate candidate = candidate(referralId);
        LocalDate today = LocalDate.now(clock);
        SlotQuery q = candidate.query();
        return new Candidate(candidate.referral(), candidate.entry(), candidate.accepted(), new SlotQuery(q.guidance(),
                q.siteCode(), q.operatorGrade(), q.namedOperator(), q.minimumMinutes(), today, today, q.awayFrom(),
                q.awayTo(), q.furtherSiteCodes()));
    }

    /** Checks the slot suits the patient and is safe at its start, then inserts; the database has the last word. */
    private Appointment place(Candidate candidate, UUID slotId, String by) {
        if (slotId == null) {
            throw new InvalidInputException("slotId", "Choose a slot.");
        }
        Slot slot = sessions.slot(slotId).orElseThrow(() -> new InvalidInputException("slotId", "There is no such slot."));
        LocalDate day = LocalDate.ofInstant(slot.start(), zone());
        requireFunded(candidate, day, "slotId");
        SlotQuery sameDay = candidate.query().onDay(day);
        boolean inWindow = !day.isBefore(candidate.query().from()) && !day.isAfter(candidate.query().to());
        if (!inWindow || sessions.openSlots(sameDay).stream().noneMatch(s -> s.id().equals(slotId))) {
            throw new InvalidInputException("slotId", "This slot does not suit the patient: check the guidance, operator, "
                    + "length, the dates they can be booked and the days they are away.");
        }
        if (!repository.takenSlots(List.of(slotId)).isEmpty()) {
            throw new InvalidInputException("slotId", SLOT_TAKEN);
        }
        LocalDateTime start = LocalDateTime.ofInstant(slot.start(), zone());
        BookingCheck check = protocols.checkAt(new ReferralId(candidate.referral().id().value()), start);
        if (!check.allowed()) {
            throw new InvalidInputException("slotId", "The safety checks do not allow this start: "
                    + String.join(" ", check.problems()));
        }
        Slot linked = null;
        if (oneStopVisit(candidate, slot)) {
            linked = sessions.following(slot).orElseThrow(() -> new InvalidInputException("slotId", "A one-stop visit "
                    + "needs this slot and the one after it for the injection, and there is none. Choose another slot."));
        }
        sessions.lockForBooking(linked == null ? List.of(slot.id()) : List.of(slot.id(), linked.id()));
        if (!repository.takenSlots(linked == null ? List.of(slot.id()) : List.of(slot.id(), linked.id())).isEmpty()) {
            throw new InvalidInputException("slotId", SLOT_TAKEN);
        }
        Appointment appointment = new Appointment(UUID.randomUUID(), candidate.referral().id().value(),
                candidate.entry().patientId(), slot.id(), linked == null ? null : linked.id(), slot.roomId(),
                slot.operatorId(), slot.start(), linked == null ? slot.end() : linked.end(),
                AppointmentStatus.BOOKED, String.join("\n", plan(check)), clock.instant(), by, null,
                null, null, null);
        try {
            repository.insert(appointment);
        }
        catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
            String state = sqlState(e);
            // A deadlock between two bookings checking the exclusion constraints: one of them won the slot.
            if (DEADLOCK.equals(state)) {
                throw new InvalidInputException("slotId", SLOT_TAKEN);
            }
            if (EXCLUSION_VIOLATION.equals(state)) {
                throw new InvalidInputException("slotId", SLOT_TAKEN);
            }
            if (UNIQUE_VIOLATION.equals(state)) {
                throw new InvalidInputException("slotId", "This patient already has an appointment; move it instead.");
            }
            throw e;
        }
        return appointment;
    }

    /**
     * Money and permission to treat come before the slot (ADR 0072): a referral awaiting prior approval, an
     * individual funding request or an insurer's authorisation, refused, or approved only until before {@code day},
     * is not booked by any path (clerk, patient's link, freed-slot offer, planner).
     */
    private static void requireFunded(Candidate candidate, LocalDate day, String field) {
        String refusal = candidate.entry().funding().refusalOn(day);
        if (refusal != null) {
            throw new InvalidInputException(field, refusal);
        }
    }

    /**
     * A one-stop visit: the patient was vetted as one-stop eligible and the slot is in a one-stop session, so
     * the assessment and the injection take this slot and the next as one appointment.
     */
    private static boolean oneStopVisit(Candidate candidate, Slot slot) {
        return candidate.entry().oneStopEligible() && slot.oneStop();
    }

    private Optional<Slot> freeFollowing(Slot slot) {
        return sessions.following(slot).filter(next -> repository.takenSlots(List.of(next.id())).isEmpty());
    }

    private static List<String> plan(BookingCheck check) {
        return check.assessment().medicationPlans().stream().map(MedicationPlan::patientInstruction).toList();
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    String describe(Appointment a) {
        LocalDateTime start = LocalDateTime.ofInstant(a.start(), zone());
        return start.toLocalDate() + " " + start.toLocalTime();
    }

    private static String reason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "Say why.");
        }
        if (why.length() > 1000) {
            throw new InvalidInputException("reason", "Use at most 1000 characters.");
        }
        return why;
    }

    private Appointment active(UUID id) {
        Appointment appointment = repository.find(id)
                .orElseThrow(() -> new InvalidInputException("appointmentId", "There is no such appointment."));
        if (!appointment.active()) {
            throw new InvalidInputException("status", "This appointment is " + appointment.status().label().toLowerCase()
                    + " and cannot be changed.");
        }
        return appointment;
    }
}
