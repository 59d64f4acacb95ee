package org.synovia.diary;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingDesk;
import org.synovia.patient.Patients;
import org.synovia.procedure.ChecklistStep;
import org.synovia.procedure.DrugGiven;
import org.synovia.procedure.ProcedureFixtures;
import org.synovia.procedure.ProcedureRecord;
import org.synovia.procedure.Visits;
import org.synovia.procedure.Checklists;
import org.synovia.procedure.Consents;
import org.synovia.procedure.ProcedureRecords;
import org.synovia.referral.Intent;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.Guidance;
import org.synovia.testing.RecordCopies;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Signed procedures with their diary started, through the façades as the team would do it, and the handles a
 * test needs: the patient's link (read from the queued email) and a way to move the injection into the past.
 */
public class DiaryFixtures {

    private static final Pattern LINK = Pattern.compile("/my-diary/([A-Za-z0-9_-]+)");

    private final UserAccounts accounts;
    private final Visits visits;
    private final Consents consents;
    private final Checklists checklists;
    private final ProcedureRecords procedureRecords;
    private final JdbcClient jdbc;
    private final Clock clock;
    private GreenMailExtension mail;
    private final ProcedureFixtures procedureDays;

    /** The fixtures with every façade they use taken from the test's application context. */
    public static DiaryFixtures of(ApplicationContext context) {
        return new DiaryFixtures(context.getBean(UserAccounts.class), context.getBean(Patients.class), context.getBean(Referrals.class), context.getBean(Vetting.class), context.getBean(Sessions.class), context.getBean(WaitingList.class), context.getBean(BookingDesk.class), context.getBean(Visits.class), context.getBean(Consents.class), context.getBean(Checklists.class), context.getBean(ProcedureRecords.class), context.getBean(JdbcClient.class), context.getBean(Clock.class));
    }

    public DiaryFixtures(UserAccounts accounts, Patients patients, Referrals referrals, Vetting vetting, Sessions sessions,
            WaitingList waitingList, BookingDesk desk, Visits visits, Consents consents, Checklists checklists,
            ProcedureRecords procedureRecords, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.visits = visits;
        this.consents = consents;
        this.checklists = checklists;
        this.procedureRecords = procedureRecords;
        this.jdbc = jdbc;
        this.clock = clock;
        this.procedureDays = new ProcedureFixtures(accounts, patients, referrals, vetting, sessions, waitingList, desk,
                visits, consents, checklists, jdbc, clock);
    }

    /** A therapeutic knee injection (patient with type 2 diabetes, pain 7 before), signed, its diary started. */
    public Appointment therapeuticKnee() {
        return signed(ReferralFixtures::kneeOnApixaban);
    }

    /** The same referral for a diagnostic injection. */
    public Appointment diagnosticKnee() {
        return signed(id -> RecordCopies.with(ReferralFixtures.kneeOnApixaban(id), "intent", Intent.DIAGNOSTIC));
    }

    private Appointment signed(Function<UUID, ReferralDetails> details) {
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        Appointment appointment = procedureDays.consentedKnee(radiologist, radiologist, details);
        ProcedureFixtures.unremarkableObservations(checklists, appointment.id(), LocalDateTime.now(clock));
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_IN, procedureDays.everything(appointment.id(), ChecklistStep.SIGN_IN));
        checklists.confirm(appointment.id(), ChecklistStep.TIME_OUT, procedureDays.everything(appointment.id(), ChecklistStep.TIME_OUT));
        procedureRecords.saveRecord(appointment.id(), record(LocalDate.now(clock)));
        checklists.confirm(appointment.id(), ChecklistStep.SIGN_OUT, procedureDays.everything(appointment.id(), ChecklistStep.SIGN_OUT));
        procedureRecords.sign(appointment.id());
        AccountFixtures.signOut();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> episodeId(appointment.id()) != null);
        return appointment;
    }

    private static ProcedureRecord record(LocalDate today) {
        return new ProcedureRecord("Dr Example", "Nurse Example", Guidance.ULTRASOUND, "anterolateral", "21G 40 mm", null,
                null, null, List.of(new DrugGiven("Methylprednisolone acetate 40 mg/mL", "40 mg", new BigDecimal("1"),
                        "MP1234", today.plusMonths(6), "intra-articular", "left knee")),
                false, true, 2, null, null, null, null, null, 7, "none", true, null, null, null, null);
    }

    public UUID episodeId(UUID appointmentId) {
        return jdbc.sql("select id from diary_episode where appointment_id = ?").param(appointmentId).query(UUID.class)
                .optional().orElse(null);
    }

    /** The link in the email the patient was sent when the diary started. */
    public String link(UUID appointmentId) {
        return links(appointmentId, "diary-link").getFirst();
    }

    /**
     * The links in the emails of one purpose to this patient, oldest first. A link waits beside the stored body
     * until the email has gone (ADR 0054); once sent, it is read from the email the mail server received.
     */
    public List<String> links(UUID appointmentId, String purpose) {
        List<Map<String, Object>> rows = jdbc.sql("""
                select o.id, o.link from outbound_email o join diary_episode e on e.patient_id = o.patient_id
                where e.appointment_id = ? and o.purpose = ? order by o.created_at""")
                .params(appointmentId, purpose).query().listOfRows();
        return rows.stream().map(row -> token(row.get("link") != null ? (String) row.get("link")
                : received((UUID) row.get("id")))).toList();
    }

    /** Reads links from the emails this mail server received, once they have been sent. */
    public DiaryFixtures readingMailFrom(GreenMailExtension mail) {
        this.mail = mail;
        return this;
    }

    private String received(UUID emailId) {
        if (mail == null) {
            throw new IllegalStateException("email " + emailId + " was sent and its link cleared; read it with readingMailFrom");
        }
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(mail.getReceivedMessages())
                .filter(m -> messageId(m).contains(emailId.toString()))
                .map(m -> GreenMailUtil.getBody(m).replaceAll("=\\r?\\n", "")).findFirst().orElse(null),
                body -> body != null);
    }

    private static String messageId(MimeMessage message) {
        try {
            return String.valueOf(message.getMessageID());
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String text) {
        Matcher m = LINK.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no diary link in " + text);
        }
        return m.group(1);
    }

    /** Moves the injection (and the link's expiry) back in time, so that later time points are due now. */
    public void injectedAgo(UUID appointmentId, Duration ago) {
        Timestamp injected = Timestamp.from(clock.instant().minus(ago));
        jdbc.sql("""
                update diary_episode set expires_at = expires_at - (injected_at - ?), injected_at = ?
                where appointment_id = ?""")
                .params(injected, injected, appointmentId).update();
    }
}
