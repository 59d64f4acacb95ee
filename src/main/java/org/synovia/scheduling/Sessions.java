package org.synovia.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.catalogue.Catalogue;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/**
 * The service's capacity: rooms, operators, weekly sessions and their exceptions, and the slots they
 * give. Slots are rows, materialised {@code horizon-weeks} ahead when a session is added and every night,
 * so that a booking can point at one and the database can guard it.
 */
@Service
public class Sessions {

    static final String RECORD_TYPE = "Session";

    private final SessionsRepository repository;
    private final SchedulingProperties properties;
    private final UserAccounts accounts;
    private final Catalogue catalogue;
    private final AuditTrail audit;
    private final Clock clock;

    Sessions(SessionsRepository repository, SchedulingProperties properties, UserAccounts accounts, Catalogue catalogue,
            AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.properties = properties;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'BOOKING')")
    public Room addRoom(Room room) {
        Room stored = new Room(UUID.randomUUID(), room.name(), room.location(), room.guidance());
        if (repository.rooms().stream().anyMatch(r -> r.name().equalsIgnoreCase(stored.name()))) {
            throw new InvalidInputException("name", "There is already a room called " + stored.name() + ".");
        }
        repository.insert(stored, clock.instant(), CurrentUser.username());
        audit.record(AuditAction.CREATE, "Room", stored.id(), null, stored.name() + " " + stored.guidance());
        return stored;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'BOOKING')")
    public Operator addOperator(Operator operator) {
        if (accounts.find(operator.username()).isEmpty()) {
            throw new InvalidInputException("username", "There is no staff account called " + operator.username() + ".");
        }
        for (String code : operator.siteCodes()) {
            if (catalogue.site(code).isEmpty()) {
                throw new InvalidInputException("siteCodes", "There is no injection site with the code " + code + ".");
            }
        }
        if (repository.operatorByUsername(operator.username()).isPresent()) {
            throw new InvalidInputException("username", operator.username() + " is already an operator.");
        }
        Operator stored = new Operator(UUID.randomUUID(), operator.username(), operator.displayName(), operator.grade(),
                operator.guidance(), operator.siteCodes());
        repository.insert(stored, clock.instant(), CurrentUser.username());
        audit.record(AuditAction.CREATE, "Operator", stored.id(), null, stored.username() + " " + stored.grade());
        return stored;
    }

    /** Adds a weekly session after checking its room and operator are free then, and makes its slots. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'BOOKING')")
    public SessionTemplate addTemplate(SessionTemplate template) {
        SessionTemplate stored = new SessionTemplate(UUID.randomUUID(), template.weekday(), template.start(), template.end(),
                template.roomId(), template.operatorId(), template.slotPattern(), template.oneStop(), template.validFrom(),
                template.validTo());
        Room room = repository.rooms().stream().filter(r -> r.id().equals(stored.roomId())).findFirst()
                .orElseThrow(() -> new InvalidInputException("roomId", "Choose a room from the list."));
        Operator operator = repository.operators().stream().filter(o -> o.id().equals(stored.operatorId())).findFirst()
                .orElseThrow(() -> new InvalidInputException("operatorId", "Choose an operator from the list."));
        if (operator.guidance().stream().noneMatch(room.guidance()::contains)) {
            throw new InvalidInputException("operatorId", operator.displayName() + " is not competent in any guidance "
                    + room.name() + " is equipped for.");
        }
        for (SessionTemplate other : repository.templates()) {
            if (other.overlaps(stored) && other.roomId().equals(stored.roomId())) {
                throw new InvalidInputException("start", room.name() + " already has a session then ("
                        + other.weekday() + " " + other.start() + "–" + other.end() + ").");
            }
            if (other.overlaps(stored) && other.operatorId().equals(stored.operatorId())) {
                throw new InvalidInputException("start", operator.displayName() + " already has a session then ("
                        + other.weekday() + " " + other.start() + "–" + other.end() + ").");
            }
        }
        repository.insert(stored, clock.instant(), CurrentUser.username());
        audit.record(AuditAction.CREATE, "SessionTemplate", stored.id(), null, stored.weekday() + " " + stored.start()
                + "-" + stored.end() + " " + room.name() + " " + operator.username());
        materialise(List.of(stored), repository.exceptions());
        return stored;
    }

    /** Records leave or a closed room and withdraws the slots it covers; booked slots are left for the clerk. */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'BOOKING')")
    public int addException(SessionException exception) {
        SessionException stored = new SessionException(UUID.randomUUID(), exception.kind(), exception.roomId(),
                exception.operatorId(), exception.firstDay(), exception.lastDay(), exception.reason());
        try {
            repository.insert(stored, clock.instant(), CurrentUser.username());
        }
        catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new InvalidInputException(stored.kind() == SessionException.Kind.ROOM_CLOSED ? "roomId" : "operatorId",
                    "Choose from the list.");
        }
        ZoneId zone = clock.getZone();
        int withdrawn = repository.withdrawSlots(stored, stored.firstDay().atStartOfDay(zone).toInstant(),
                stored.lastDay().plusDays(1).atStartOfDay(zone).toInstant());
        audit.record(AuditAction.CREATE, "SessionException", stored.id(), null, stored.kind() + " " + stored.firstDay()
                + " to " + stored.lastDay() + ": " + withdrawn + " slots withdrawn");
        return withdrawn;
    }

    /**
     * Ends a weekly session after {@code lastDay}: its later slots are withdrawn (never deleted) and any patient
     * booked into one is listed for the clerk to move.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'BOOKING')")
    public int endTemplate(UUID templateId, LocalDate lastDay) {
        if (lastDay == null) {
            throw new InvalidInputException("lastDay", "Give the last day the session runs.");
        }
        if (lastDay.isBefore(LocalDate.now(clock).minusDays(1))) {
            throw new InvalidInputException("lastDay", "The last day cannot be in the past.");
        }
        if (!repository.endTemplate(templateId, lastDay)) {
            throw new InvalidInputException("lastDay", "The last day must be on or after the session's first day, and "
                    + "before any last day it already has.");
        }
        int withdrawn = repository.withdrawTemplateSlots(templateId,
                lastDay.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), "Session ended after " + lastDay);
        audit.record(AuditAction.UPDATE, "SessionTemplate", templateId, null, "ends " + lastDay + ": " + withdrawn
                + " slots withdrawn");
        return withdrawn;
    }

    /** Keeps slots {@code horizon-weeks} ahead; idempotent, so two instances running it do no harm. */
    @Scheduled(cron = "${synovia.scheduling.materialise-cron:0 15 2 * * *}", zone = "${synovia.time-zone:Europe/London}")
    @Transactional
    public int materialiseHorizon() {
        return materialise(repository.templates(), repository.exceptions());
    }

    private int materialise(List<SessionTemplate> templates, List<SessionException> exceptions) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.plusWeeks(properties.horizonWeeks());
        List<Object[]> rows = new ArrayList<>();
        for (SessionTemplate t : templates) {
            for (LocalDate day = today; !day.isAfter(last); day = day.plusDays(1)) {
                LocalDate d = day;
                if (!t.runsOn(d) || exceptions.stream().anyMatch(e -> e.covers(d, t.roomId(), t.operatorId()))) {
                    continue;
                }
                for (SessionTemplate.PlannedSlot s : t.slotsOn(d)) {
                    Instant start = s.start().atZone(zone).toInstant();
                    rows.add(new Object[] {UUID.randomUUID(), t.id(), t.roomId(), t.operatorId(),
                            java.sql.Timestamp.from(start), java.sql.Timestamp.from(start.plusSeconds(60L * s.minutes())),
                            t.oneStop()});
                }
            }
        }
        return rows.isEmpty() ? 0 : repository.insertSlots(rows);
    }

    public List<Room> rooms() {
        return repository.rooms();
    }

    public List<Operator> operators() {
        return repository.operators();
    }

    public List<SessionTemplate> templates() {
        return repository.templates();
    }

    public List<SessionException> exceptions() {
        return repository.exceptions();
    }

    /** Which of these slots were withdrawn by leave or a closure, with the reason. */
    public java.util.Map<UUID, String> withdrawn(java.util.Collection<UUID> slotIds) {
        return slotIds.isEmpty() ? java.util.Map.of() : repository.withdrawn(slotIds);
    }

    /**
     * Locks these slots until the caller's transaction ends, in a fixed order, so that concurrent bookings of
     * one slot queue one behind the other instead of deadlocking inside the appointment exclusion constraints.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockForBooking(List<UUID> slotIds) {
        repository.lock(slotIds);
    }

    /** The slot straight after this one in the same session, if it is still offered (one-stop pairs). */
    public Optional<Slot> following(Slot slot) {
        return repository.following(slot);
    }

    /** Every slot of one weekly session starting in [from, until), withdrawn ones included, earliest first. */
    public List<Slot> slotsOf(UUID templateId, Instant from, Instant until) {
        return repository.slotsOf(templateId, from, until);
    }

    public Optional<Slot> slot(UUID id) {
        return repository.slot(id);
    }

    /** These slots by id, read together (a list page shows one per row). */
    public java.util.Map<UUID, Slot> slots(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? java.util.Map.of()
                : repository.slots(ids).stream().collect(java.util.stream.Collectors.toMap(Slot::id, s -> s));
    }

    /**
     * Every slot of every room from the first day to the last (inclusive) in the clinic's zone, withdrawn ones
     * included, earliest first, in one read: the clerk's week calendar.
     */
    public List<Slot> slotsBetween(LocalDate first, LocalDate last) {
        ZoneId zone = clock.getZone();
        return repository.slotsBetween(first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Withdraws the still-offered slots of one weekly session on one day (its operator is ill, its room is out of
     * use), with the reason, so no search offers them again; appointments in them are the caller's to move.
     */
    @Transactional
    public int withdrawSessionDay(UUID templateId, LocalDate day, String reason) {
        ZoneId zone = clock.getZone();
        return repository.withdrawBetween(templateId, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), reason);
    }

    /**
     * Every slot still offered (not withdrawn) in these rooms from the first day to the last (inclusive), earliest
     * first, in one read however many there are: the planner's view of the coming weeks. Whether a slot is already
     * booked is for booking to say.
     */
    public List<Slot> offeredSlots(LocalDate first, LocalDate last, java.util.Collection<UUID> roomIds) {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        ZoneId zone = clock.getZone();
        Instant from = first.atStartOfDay(zone).toInstant().isAfter(clock.instant()) ? first.atStartOfDay(zone).toInstant()
                : clock.instant();
        return repository.offeredBetween(from, last.plusDays(1).atStartOfDay(zone).toInstant(), roomIds);
    }

    /**
     * Open slots for one injection, earliest first: the room has the guidance, the operator is competent
     * for the guidance and site and of the grade (or named), the slot is long enough, within the window and
     * not on a day the patient is away, all decided in the one query. Whether a slot is already booked is for
     * booking to say.
     */
    public List<Slot> openSlots(SlotQuery query) {
        ZoneId zone = clock.getZone();
        LocalDate from = query.from().isAfter(LocalDate.now(clock)) ? query.from() : LocalDate.now(clock);
        Instant earliest = from.atStartOfDay(zone).toInstant().isAfter(clock.instant())
                ? from.atStartOfDay(zone).toInstant() : clock.instant();
        return repository.openSlots(query, earliest, query.to().plusDays(1).atStartOfDay(zone).toInstant(), zone);
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** Today in the clinic's time zone, by the application's clock (never the wall clock: tests fix it). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
