package org.synovia.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.Slot;

/**
 * What the booking desk sees by date: the week by room, the appointments list, and the appointments whose slot was
 * withdrawn after booking. Each is read in a fixed number of statements and audited in one insert, however many rows.
 */
@Service
public class DeskCalendar {

    private final AppointmentRepository repository;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    DeskCalendar(AppointmentRepository repository, Sessions sessions, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
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
        List<BookedProcedure> booked = repository.bookedProcedures(between(monday, sunday));
        Set<UUID> taken = repository.takenSlots(slots.stream().map(Slot::id).toList());
        if (!booked.isEmpty()) {
            audit.recordPerPatient(AuditAction.LIST, Bookings.RECORD_TYPE, booked, BookedProcedure::appointmentId,
                    BookedProcedure::patientId, "week calendar from " + monday);
        }
        return WeekCalendar.of(monday, zone(), sessions.rooms(), slots, booked, taken, clock.instant());
    }

    /**
     * Active appointments on the given days with the patient's name, the procedure, the room and the operator, earliest
     * first (the clerk's appointments list), read in one statement and audited in one, however many there are.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE', 'ADMIN')")
    public List<BookedProcedure> appointmentList(LocalDate from, LocalDate to) {
        List<BookedProcedure> list = repository.bookedProcedures(between(from, to));
        audit.recordPerPatient(AuditAction.LIST, Bookings.RECORD_TYPE, list, BookedProcedure::appointmentId,
                BookedProcedure::patientId, "appointments " + from + " to " + to);
        return list;
    }

    /** Appointments on one page of the clerk's list: a clinic books hundreds a day, a page is read 50 at a time. */
    public static final int PAGE_SIZE = 50;

    /**
     * One page of {@link #appointmentList}: up to 50 after {@code after} (or from the start), earliest first, with how
     * many the days hold. Three statements and one audit insert of the patients shown, however many are booked.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE', 'ADMIN')")
    public AppointmentListPage appointmentPage(LocalDate from, LocalDate to, AppointmentCursor after) {
        BookedProcedureQuery days = between(from, to);
        List<BookedProcedure> read = repository.bookedProcedures(days, after, PAGE_SIZE + 1);
        List<BookedProcedure> shown = read.size() > PAGE_SIZE ? read.subList(0, PAGE_SIZE) : read;
        audit.recordPerPatient(AuditAction.LIST, Bookings.RECORD_TYPE, shown, BookedProcedure::appointmentId,
                BookedProcedure::patientId, "appointments " + from + " to " + to);
        return new AppointmentListPage(shown, repository.countBookedBetween(days.from(), days.until()),
                read.size() > PAGE_SIZE ? AppointmentCursor.after(shown.getLast()) : null);
    }

    /**
     * Booked appointments whose slot was later withdrawn by leave or a closure: the patient still expects to
     * come, so the clerk must move them. Keyed by appointment, with the reason the slot was withdrawn.
     */
    @Transactional
    public Map<Appointment, String> needingNewSlot() {
        Map<Appointment, String> needing = repository.inWithdrawnSlots(clock.instant(), clock.instant().plusSeconds(366L * 86_400));
        if (!needing.isEmpty()) {
            audit.recordPerPatient(AuditAction.LIST, Bookings.RECORD_TYPE, needing.keySet(), Appointment::id,
                    Appointment::patientId, "appointments in withdrawn slots");
        }
        return needing;
    }

    private BookedProcedureQuery between(LocalDate first, LocalDate last) {
        return BookedProcedureQuery.between(first.atStartOfDay(zone()).toInstant(),
                last.plusDays(1).atStartOfDay(zone()).toInstant());
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
