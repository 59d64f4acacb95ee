package org.synovia.diary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.notification.Attachment;
import org.synovia.notification.EmailOutbox;
import org.synovia.notification.NotificationProperties;
import org.synovia.notification.PatientMessage;
import org.synovia.notification.PatientMessages;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.procedure.ProcedureCompleted;
import org.synovia.procedure.ProcedureRecord;
import org.synovia.procedure.ProcedureRecords;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Intent;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.shared.Secrets;
import org.synovia.shared.ServiceIdentity;

/**
 * The diary's work without a user: an episode starts when a procedure record is signed and the patient gets their
 * link; a scheduled job sends reminders once per time point, the summary to the referrer, and closes expired
 * episodes, publishing their final {@link DiaryReadingUpdated}. Each step is callable on its own in tests.
 */
@Service
public class DiaryJobs {

    private static final Logger log = LoggerFactory.getLogger(DiaryJobs.class);
    private static final int TOKEN_BYTES = 32;
    /** The purpose of the message that gives the patient their diary. */
    static final String LINK_PURPOSE = "diary-link";
    /** Episodes closed or summarised per run at most, so that one run stays one short transaction. */
    private static final int BATCH = 500;

    private final TransactionTemplate transactions;
    private final DiaryRepository repository;
    private final DiaryProperties properties;
    private final DiaryEpisodes episodes;
    private final DiarySummaries summaries;
    private final Referrals referrals;
    private final Patients patients;
    private final ProcedureRecords procedureRecords;
    private final EmailOutbox outbox;
    private final PatientMessages messages;
    private final NotificationProperties notification;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ServiceIdentity service;

    DiaryJobs(DiaryRepository repository, DiaryProperties properties, DiaryEpisodes episodes, DiarySummaries summaries,
            Referrals referrals, Patients patients, ProcedureRecords procedureRecords, EmailOutbox outbox,
            PatientMessages messages, NotificationProperties notification, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock, ServiceIdentity service, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.repository = repository;
        this.properties = properties;
        this.episodes = episodes;
        this.summaries = summaries;
        this.referrals = referrals;
        this.patients = patients;
        this.procedureRecords = procedureRecords;
        this.outbox = outbox;
        this.messages = messages;
        this.notification = notification;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.service = service;
    }

    /** Starts the diary of a signed procedure and emails the patient their link; a repeated event does nothing. */
    @ApplicationModuleListener
    void on(ProcedureCompleted event) {
        start(event);
    }

    /** Starts the episode; empty when it already existed or the record is not signed. */
    @Transactional
    Optional<UUID> start(ProcedureCompleted event) {
        if (repository.byAppointment(event.appointmentId()).isPresent()) {
            return Optional.empty();
        }
        Optional<ProcedureRecord> record = procedureRecords.signedRecordForSystem(event.appointmentId());
        if (record.isEmpty()) {
            log.warn("Procedure {} completed without a signed record; no diary started", event.appointmentId());
            return Optional.empty();
        }
        Referral referral = referrals.show(new ReferralId(event.referralId()));
        // A referral for both purposes follows the therapeutic points; its anaesthetic-window score is in the record.
        Intent intent = referral.details().intent() == Intent.DIAGNOSTIC ? Intent.DIAGNOSTIC : Intent.THERAPEUTIC;
        List<TimePoint> points = properties.timePoints(intent);
        Instant injectedAt = event.signedAt();
        Instant expiresAt = injectedAt.plusSeconds(60L * points.getLast().minutesAfter())
                .plus(properties.linkValidAfterLastPoint());
        DiabetesType diabetes = referral.details().diabetes();
        var episode = new DiaryRepository.Episode(UUID.randomUUID(), event.appointmentId(), event.referralId(),
                event.patientId(), intent, injectedAt, record.get().painBefore(),
                properties.thresholdPercent(referral.details().siteCode(), procedureRecords.reliefThresholds()), expiresAt,
                clock.instant(), null, diabetes != null && diabetes != DiabetesType.NONE);
        String token = Secrets.newToken(TOKEN_BYTES);
        if (!repository.insertEpisode(episode, Secrets.sha256(token))) {
            return Optional.empty();
        }
        audit.record(AuditAction.CREATE, DiaryEpisodes.RECORD_TYPE, episode.id(), episode.patientId(),
                intent.label() + " diary started");
        Patient patient = patient(episode.patientId());
        String body = "Dear " + patient.givenName() + ",\n\n"
                + "Please keep a short diary of your pain after your injection. It takes a minute each time, and it "
                + "tells your specialist how the injection worked.\n\n"
                + "Open your own diary here (keep this link private; it works until "
                + LocalDate.ofInstant(expiresAt, clock.getZone()) + "):\n"
                + EmailOutbox.LINK + "\n\n"
                + "The first entry is due " + points.getFirst().label().toLowerCase().replace("day ", "on day ") + ". "
                + "We will email you when each entry is due. It is fine to miss one.\n\n"
                + urgentAdvice();
        // By email, text or a printed letter (the link on paper is issued when it is printed); not for a patient
        // who opted out of messages (ADR 0076).
        String text = "Please fill in your diary for " + service.name() + ": " + EmailOutbox.LINK + " (keep it private)";
        messages.send(new PatientMessage(patient.id().value(), LINK_PURPOSE, episode.id(), false,
                "Your pain diary after your injection", body, text, body,
                notification.publicUrl() + "/my-diary/" + token, null, false))
                .ifPresent(sent -> audit.record(AuditAction.EXPORT, DiaryEpisodes.RECORD_TYPE, episode.id(), episode.patientId(),
                        "diary link sent: " + sent.channel().label().toLowerCase()));
        return Optional.of(episode.id());
    }

    /** What to do about a red flag, and the signature, closing every message to the patient. */
    private String urgentAdvice() {
        return "If the joint becomes hot, red or swollen, or you have a fever or feel unwell, contact "
                + properties.urgentContact() + " the same day, or call NHS 111. In an emergency call 999.\n\n"
                + service.signature();
    }

    @Scheduled(fixedDelayString = "${synovia.diary.check-interval:PT15M}",
            initialDelayString = "${synovia.diary.check-interval:PT15M}")
    public void run() {
        Instant now = clock.instant();
        // Each batch in its own transaction through the template: a call to this bean's own @Transactional methods
        // does not pass its proxy, and their audit lines need the transaction their work is stored in. The emails
        // go out after the commits.
        transactions.executeWithoutResult(status -> closeExpired(now));
        transactions.executeWithoutResult(status -> sendReminders(now));
        transactions.executeWithoutResult(status -> sendSummaries(now));
        outbox.sendDue();
    }

    /** Emails each patient once for each time point that is due and not yet written; returns how many. */
    @Transactional
    public int sendReminders(Instant now) {
        int sent = 0;
        for (DiaryRepository.Episode episode : repository.open(now)) {
            Optional<TimePoint> due = episode.due(repository.entries(episode.id()), properties.timePoints(episode.intent()), now)
                    .point();
            if (due.isEmpty() || (!properties.remindHourlyPoints() && due.get().day() == 0)) {
                continue;
            }
            Patient patient = patient(episode.patientId());
            if (patient.email() == null || patient.email().isBlank()
                    || !repository.markReminded(episode.id(), due.get().code(), now)) {
                continue;
            }
            // A fresh link, since only hashes are kept; the earlier links keep working until the episode expires.
            String token = Secrets.newToken(TOKEN_BYTES);
            repository.insertLink(Secrets.sha256(token), episode.id(), now);
            outbox.queue(patient.email(), "Your pain diary: an entry is due", "Dear " + patient.givenName() + ",\n\n"
                    + "Your pain diary asks for an entry now (" + due.get().label().toLowerCase() + "). It takes a minute. "
                    + "It is fine to miss one. Open your diary here (keep this link private):\n"
                    + EmailOutbox.LINK + "\n\n" + urgentAdvice(), notification.publicUrl() + "/my-diary/" + token,
                    patient.id().value(), "diary-reminder", null);
            audit.record(AuditAction.EXPORT, DiaryEpisodes.RECORD_TYPE, episode.id(), episode.patientId(),
                    "reminder " + due.get().code());
            sent++;
        }
        return sent;
    }

    /** Writes and sends the referrer's summary of open episodes whose time has come (a batch); returns how many. */
    @Transactional
    public int sendSummaries(Instant now) {
        int written = 0;
        for (DiaryRepository.Episode episode : repository.dueForSummary(now.minus(properties.summaryAfter(Intent.DIAGNOSTIC)),
                now.minus(properties.summaryAfter(Intent.THERAPEUTIC)), BATCH)) {
            EpisodeView view = episodes.view(episode);
            Referral referral = referrals.show(new ReferralId(episode.referralId()));
            var referrer = referral.details().referrer();
            String to = referrer == null || referrer.email() == null || referrer.email().isBlank() ? null : referrer.email();
            DiarySummaries.Summary summary = episodes.summary(view);
            if (!repository.insertSummary(episode.id(), summary.text(), now, to)) {
                continue;
            }
            if (to != null) {
                outbox.queue(to, "Pain diary summary: " + view.patientName() + ", injection on " + summary.injectedOn(),
                        "Dear " + (referrer.name() == null ? "colleague" : referrer.name()) + ",\n\n" + summary.text()
                                + "\n\nThe summary with the pain chart is attached as a PDF.\n\n" + service.signature(),
                        episode.patientId(), "diary-summary",
                        new Attachment("pain-diary-summary.pdf", "application/pdf", summaries.pdf(summary)));
            }
            audit.record(AuditAction.EXPORT, "DiarySummary", episode.id(), episode.patientId(),
                    "summary to " + (to == null ? "nobody (no referrer email)" : to));
            written++;
        }
        return written;
    }

    /** Closes episodes whose link has expired (a batch) and publishes their final reading; returns how many. */
    @Transactional
    public int closeExpired(Instant now) {
        int closed = 0;
        for (DiaryRepository.Episode episode : repository.dueForClosing(now, BATCH)) {
            if (repository.close(episode.id(), now)) {
                audit.record(AuditAction.UPDATE, DiaryEpisodes.RECORD_TYPE, episode.id(), episode.patientId(), "closed");
                events.publishEvent(episode.reading(repository.entries(episode.id()), properties.anaestheticWindowMinutes()));
                closed++;
            }
        }
        return closed;
    }

    private Patient patient(UUID id) {
        return patients.find(new PatientId(id)).orElseThrow();
    }
}
