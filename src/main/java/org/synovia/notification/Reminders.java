package org.synovia.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.booking.Appointment;
import org.synovia.booking.Bookings;
import org.synovia.referral.ReferralId;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.PlanAction;
import org.synovia.vetting.AcceptedProtocols;
import org.synovia.shared.ServiceIdentity;

/**
 * Reminds patients of their appointment {@code days-before} days ahead and on the day they must take the
 * last dose of a blood thinner. The job takes a PostgreSQL advisory lock, so with two instances on one
 * database only one works at a time, and each appointment and kind of reminder is decided once (unique key),
 * so nothing is sent twice. Emails go through the outbox, which retries and shows failures to staff.
 */
@Service
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    /** Any fixed number shared by every instance; names the lock in {@code pg_locks}. */
    private static final long LOCK_KEY = 0x5379_6e6f_7669_61L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.UK);

    private final TransactionTemplate transactions;
    private final Bookings bookings;
    private final AcceptedProtocols protocols;
    private final AppointmentLetters letters;
    private final EmailOutbox outbox;
    private final ReminderProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ServiceIdentity service;

    Reminders(Bookings bookings, AcceptedProtocols protocols, AppointmentLetters letters, EmailOutbox outbox,
            ReminderProperties properties, JdbcClient jdbc, Clock clock, ServiceIdentity service,
            PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.bookings = bookings;
        this.protocols = protocols;
        this.letters = letters;
        this.outbox = outbox;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.service = service;
    }

    @Scheduled(fixedDelayString = "${synovia.notification.reminders.check-interval:PT15M}",
            initialDelayString = "${synovia.notification.reminders.check-interval:PT15M}")
    public void run() {
        // The emails queued go out after this commits, on the outbox's own thread. Through the template: a call to
        // this bean's own @Transactional method does not pass its proxy, and the advisory lock and the reminders
        // decided need the one transaction.
        transactions.executeWithoutResult(status -> queueDue(clock.instant()));
    }

    /**
     * Decides every reminder due by {@code now} for active appointments and queues the emails, in one
     * transaction; returns how many were queued, or -1 when another instance holds the lock.
     */
    @Transactional
    public int queueDue(Instant now) {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single();
        if (!Boolean.TRUE.equals(locked)) {
            return -1;
        }
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        int queued = 0;
        for (Appointment appointment : bookings.booked(today, today.plusDays(properties.furthestDays() + 1))) {
            if (!appointment.start().isAfter(now)) {
                continue;
            }
            for (Due due : dueFor(appointment, zone)) {
                if (due.at().isAfter(now) || decided(appointment.id(), due.kind())) {
                    continue;
                }
                queued += decide(appointment, due, now) ? 1 : 0;
            }
        }
        return queued;
    }

    /** The reminders an appointment can have: one per configured day, one per blood thinner to stop. */
    private List<Due> dueFor(Appointment appointment, ZoneId zone) {
        List<Due> due = new ArrayList<>();
        LocalDateTime start = LocalDateTime.ofInstant(appointment.start(), zone);
        for (int days : properties.daysBefore()) {
            Instant at = start.toLocalDate().minusDays(days).atTime(properties.sendAt()).atZone(zone).toInstant();
            due.add(new Due("DAYS_BEFORE_" + days, at, null));
        }
        // Ask the engine only for patients on a blood thinner (one plan line each, stored at booking) whose stop-day
        // reminders are not all decided: each answer reads, and audits, the referral.
        long medicines = appointment.medicationPlan() == null ? 0
                : appointment.medicationPlan().lines().filter(line -> !line.isBlank()).count();
        if (medicines == 0 || stopDaysDecided(appointment.id()) >= medicines) {
            return due;
        }
        for (MedicationPlan plan : protocols.checkAt(new ReferralId(appointment.referralId()), start).assessment()
                .medicationPlans()) {
            if (plan.action() == PlanAction.HOLD && plan.lastDose() != null) {
                LocalDateTime morning = plan.lastDose().toLocalDate().atTime(properties.stopDaySendAt());
                LocalDateTime at = morning.isBefore(plan.lastDose()) ? morning : plan.lastDose().minusHours(1);
                due.add(new Due("STOP_" + plan.drug().name(), at.atZone(zone).toInstant(), plan));
            }
        }
        return due;
    }

    private int stopDaysDecided(UUID appointmentId) {
        return jdbc.sql("select count(*) from reminder where appointment_id = ? and kind like 'STOP\\_%'")
                .param(appointmentId).query(Integer.class).single();
    }

    private boolean decided(UUID appointmentId, String kind) {
        return jdbc.sql("select count(*) from reminder where appointment_id = ? and kind = ?").params(appointmentId, kind)
                .query(Integer.class).single() > 0;
    }

    /**
     * Queues the reminder, or records why it is skipped: a day-count reminder whose day had passed when the
     * appointment was booked (the letter had just gone), or a stop-day reminder after the last dose's time.
     */
    private boolean decide(Appointment appointment, Due due, Instant now) {
        ZoneId zone = clock.getZone();
        String skip = null;
        if (due.plan() == null && !appointment.bookedAt().isBefore(due.at())) {
            skip = "booked after this reminder was due; the letter had just been sent";
        }
        if (due.plan() != null && !now.isBefore(due.plan().lastDose().atZone(zone).toInstant())) {
            skip = "the last dose time had passed";
        }
        AppointmentLetter letter = letters.letter(appointment.id());
        boolean noEmail = letter.email() == null || letter.email().isBlank();
        if (skip == null && noEmail) {
            skip = "no email address";
        }
        UUID reminderId = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into reminder (id, appointment_id, kind, status, due_at, decided_at, note)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (appointment_id, kind) do nothing
                """).params(reminderId, appointment.id(), due.kind(), skip == null ? "QUEUED" : "SKIPPED",
                Timestamp.from(due.at()), Timestamp.from(now), skip).update();
        if (inserted == 0) {
            return false;
        }
        if (skip != null) {
            log.info("Reminder {} for appointment {} skipped: {}", due.kind(), appointment.id(), skip);
            return false;
        }
        String when = WHEN.format(letter.start());
        String subject = due.plan() == null ? "Reminder: your injection appointment on " + when
                : "Today: take your last " + due.plan().medicine() + " before your injection";
        String body = "Dear " + letter.patientName() + ",\n\n"
                + (due.plan() == null ? "" : due.plan().patientInstruction() + "\n\n")
                + "Your " + letter.procedure() + " is on " + when + " at " + letter.roomName() + ", "
                + letter.location() + ". Please arrive by " + letter.arriveBy().toLocalTime() + ".\n\n"
                + (due.plan() == null && !letter.medicines().isEmpty()
                        ? "Your blood thinner:\n" + String.join("\n", letter.medicines()) + "\n\n" : "")
                + "If you cannot come, please tell us as soon as possible so that someone else can have the slot.\n\n"
                + service.signature();
        UUID emailId = outbox.queue(letter.email(), subject, body, letter.patientId(), "reminder-" + due.kind().toLowerCase());
        jdbc.sql("update reminder set email_id = ? where id = ?").params(emailId, reminderId).update();
        return true;
    }

    private record Due(String kind, Instant at, MedicationPlan plan) {
    }
}
