package org.synovia.diary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.catalogue.Catalogue;
import org.synovia.notification.Attachment;
import org.synovia.notification.EmailOutbox;
import org.synovia.notification.PatientMessage;
import org.synovia.notification.PatientMessages;
import org.synovia.notification.NotificationProperties;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.procedure.ProcedureCompleted;
import org.synovia.procedure.ProcedureRecord;
import org.synovia.procedure.Procedures;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Intent;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Secrets;
import org.synovia.shared.ServiceIdentity;

/**
 * The patient's diary. An episode starts when a procedure record is signed: the patient gets a secret link by
 * email (32 random bytes; only the SHA-256 is kept; it expires; it opens that one episode) and writes entries at
 * the time points for the injection's intent. A red flag shows urgent advice at once and raises an alert on the
 * team's worklist (AF-06, HAZ-46). Every entry and closing publishes {@link DiaryReadingUpdated}. A scheduled job
 * sends reminders once per time point, the summary to the referrer, and closes expired episodes.
 */
@Service
public class Diaries {

    private static final Logger log = LoggerFactory.getLogger(Diaries.class);
    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");
    static final String RECORD_TYPE = "DiaryEpisode";
    /** The purpose of the message that gives the patient their diary. */
    static final String LINK_PURPOSE = "diary-link";
    /** Episodes closed or summarised per run at most, so that one run stays one short transaction. */
    private static final int BATCH = 500;
    private static final BigDecimal LOWEST_GLUCOSE = new BigDecimal("1.0");
    private static final BigDecimal HIGHEST_GLUCOSE = new BigDecimal("40.0");

    private final DiaryRepository repository;
    private final DiaryProperties properties;
    private final DiarySummaries summaries;
    private final Referrals referrals;
    private final Patients patients;
    private final Procedures procedures;
    private final Catalogue catalogue;
    private final EmailOutbox outbox;
    private final PatientMessages messages;
    private final NotificationProperties notification;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ServiceIdentity service;
    private final org.synovia.account.UserAccounts accounts;

    Diaries(DiaryRepository repository, DiaryProperties properties, DiarySummaries summaries, Referrals referrals,
            Patients patients, Procedures procedures, Catalogue catalogue, EmailOutbox outbox,
            NotificationProperties notification, AuditTrail audit, ApplicationEventPublisher events, Clock clock, ServiceIdentity service,
            PatientMessages messages, org.synovia.account.UserAccounts accounts) {
        this.messages = messages;
        this.accounts = accounts;
        this.repository = repository;
        this.properties = properties;
        this.summaries = summaries;
        this.referrals = referrals;
        this.patients = patients;
        this.procedures = procedures;
        this.catalogue = catalogue;
        this.outbox = outbox;
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
        Optional<ProcedureRecord> record = procedures.signedRecordForSystem(event.appointmentId());
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
                properties.thresholdPercent(referral.details().siteCode(), procedures.reliefThresholds()), expiresAt, clock.instant(), null,
                diabetes != null && diabetes != DiabetesType.NONE);
        String token = Secrets.newToken(TOKEN_BYTES);
        if (!repository.insertEpisode(episode, Secrets.sha256(token))) {
            return Optional.empty();
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, episode.id(), episode.patientId(), intent.label() + " diary started");
        Patient patient = patient(episode.patientId());
        String body = "Dear " + patient.givenName() + ",\n\n"
                + "Please keep a short diary of your pain after your injection. It takes a minute each time, and it "
                + "tells your specialist how the injection worked.\n\n"
                + "Open your own diary here (keep this link private; it works until "
                + LocalDate.ofInstant(expiresAt, clock.getZone()) + "):\n"
                + EmailOutbox.LINK + "\n\n"
                + "The first entry is due " + points.getFirst().label().toLowerCase().replace("day ", "on day ") + ". "
                + "We will email you when each entry is due. It is fine to miss one.\n\n"
                + "If the joint becomes hot, red or swollen, or you have a fever or feel unwell, contact "
                + properties.urgentContact() + " the same day, or call NHS 111. In an emergency call 999.\n\n"
                + service.signature();
        // By email, text or a printed letter (the link on paper is issued when it is printed); not for a patient
        // who opted out of messages (ADR 0076).
        String text = "Please fill in your diary for " + service.name() + ": " + EmailOutbox.LINK + " (keep it private)";
        messages.send(new PatientMessage(patient.id().value(), LINK_PURPOSE, episode.id(), false,
                "Your pain diary after your injection", body, text, body,
                notification.publicUrl() + "/my-diary/" + token, null, false))
                .ifPresent(sent -> audit.record(AuditAction.EXPORT, RECORD_TYPE, episode.id(), episode.patientId(),
                        "diary link sent: " + sent.channel().label().toLowerCase()));
        return Optional.of(episode.id());
    }

    /** The diary a link opens; refused, with why, when the link is unknown or expired. */
    @Transactional
    public PatientDiary open(String token) {
        DiaryRepository.Episode episode = byLink(token);
        audit.record(AuditAction.READ, RECORD_TYPE, episode.id(), episode.patientId(), "opened by the patient's diary link");
        return patientView(episode, repository.entries(episode.id()));
    }

    /**
     * Keeps the patient's entry for the time point due now; each problem is named beside its field and nothing is
     * written. A red flag raises an alert for the team in the same transaction.
     */
    @Transactional
    public EntrySaved record(String token, NewEntry entry) {
        DiaryRepository.Episode episode = repository.lock(byLink(token).id()).orElseThrow();
        Instant now = clock.instant();
        List<DiaryReading.Entry> entries = repository.entries(episode.id());
        Due due = due(episode, entries, now);
        if (due.point().isEmpty()) {
            throw new InvalidInputException("timePoint", due.next() == null ? "Your diary is complete: no more entries are due."
                    : "Your next entry is not due yet: " + due.next().label().toLowerCase() + ".");
        }
        TimePoint point = due.point().get();
        if (entry.timePoint() != null && !point.code().equals(entry.timePoint())) {
            throw new InvalidInputException("timePoint", "This page was for an earlier time. The diary now asks about "
                    + point.label().toLowerCase() + ": please fill it in below.");
        }
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (entry.painNow() == null || entry.painNow() < 0 || entry.painNow() > 10) {
            problems.add(new InvalidInputException.FieldProblem("painNow",
                    "Choose your pain now, from 0 (no pain) to 10 (the worst pain you can imagine)."));
        }
        Integer worst = asksWorstDay(point) ? entry.painWorstDay() : null;
        if (worst != null && (worst < 0 || worst > 10)) {
            problems.add(new InvalidInputException.FieldProblem("painWorstDay", "Choose your worst pain from 0 to 10."));
        }
        Integer pgic = asksPgic(point) ? entry.pgic() : null;
        if (pgic != null && (pgic < 1 || pgic > 7)) {
            problems.add(new InvalidInputException.FieldProblem("pgic", "Choose one of the answers about how you feel."));
        }
        BigDecimal glucose = asksGlucose(episode, point) ? entry.glucoseMmolL() : null;
        if (glucose != null && (glucose.compareTo(LOWEST_GLUCOSE) < 0 || glucose.compareTo(HIGHEST_GLUCOSE) > 0
                || glucose.stripTrailingZeros().scale() > 1)) {
            problems.add(new InvalidInputException.FieldProblem("glucoseMmolL",
                    "Give your blood sugar in mmol/L, between 1 and 40, with at most one decimal (for example 7.5)."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String redFlags = codes(entry.redFlags(), RedFlag.class);
        var written = new DiaryReading.Entry(point.code(), episode.minutesAfterInjection(now), now, entry.painNow(), worst,
                pgic, codes(entry.sideEffects(), SideEffect.class), glucose, redFlags);
        UUID entryId = UUID.randomUUID();
        repository.insertEntry(entryId, episode.id(), written);
        audit.record(AuditAction.CREATE, "DiaryEntry", entryId, episode.patientId(), point.code() + " by the patient's link");
        if (!redFlags.isEmpty()) {
            repository.insertAlert(UUID.randomUUID(), episode.id(), entryId, redFlags, now);
            log.warn("Diary red flag for episode {}: {}", episode.id(), redFlags);
        }
        List<DiaryReading.Entry> all = new ArrayList<>(entries);
        all.add(written);
        events.publishEvent(reading(episode, all));
        return new EntrySaved(point, entry.redFlags(), properties.urgentContact());
    }

    /** Alerts for the team: open ones first, newest first. */
    @Transactional
    @PreAuthorize("hasAnyRole('NURSE', 'RADIOLOGIST')")
    public List<DiaryAlert> alerts(boolean openOnly) {
        List<DiaryAlert> alerts = alertsOf(repository.alerts(openOnly, null, 200));
        audit.record(AuditAction.LIST, "DiaryAlert", null, null, alerts.size() + " diary alerts shown");
        return alerts;
    }

    /** How many red-flag alerts nobody has acknowledged yet, for the navigation and other pages; names no one. */
    @Transactional(readOnly = true)
    public int openAlertCount() {
        return repository.openAlertCount();
    }

    /** Acknowledges an alert with what was done (called the patient, advised A&E...); who and when are kept. */
    @Transactional
    @PreAuthorize("hasAnyRole('NURSE', 'RADIOLOGIST')")
    public void acknowledge(UUID alertId, String action) {
        if (action == null || action.isBlank()) {
            throw new InvalidInputException("action", "Say what you did about this red flag (for example: phoned the patient, "
                    + "advised A&E).");
        }
        if (action.strip().length() > 1000) {
            throw new InvalidInputException("action", "Use at most 1000 characters.");
        }
        UUID patientId = repository.alertPatient(alertId)
                .orElseThrow(() -> new InvalidInputException("action", "There is no such alert."));
        if (!repository.acknowledge(alertId, clock.instant(), CurrentUser.username(), action.strip())) {
            throw new InvalidInputException("action", "Someone has already acknowledged this alert.");
        }
        audit.record(AuditAction.UPDATE, "DiaryAlert", alertId, patientId, "acknowledged: " + action.strip());
    }

    /** The diary of a procedure for the team, with its reading, chart and alerts; empty when none started. */
    @Transactional
    @PreAuthorize("hasAnyRole('NURSE', 'RADIOLOGIST', 'INTEGRATION')")
    public Optional<EpisodeView> episode(UUID appointmentId) {
        return repository.byAppointment(appointmentId).map(e -> {
            audit.record(AuditAction.READ, RECORD_TYPE, e.id(), e.patientId(), null);
            return view(e);
        });
    }

    /** The summary for the referrer as a PDF, as it reads now, for printing. */
    @Transactional
    @PreAuthorize("hasAnyRole('NURSE', 'RADIOLOGIST', 'INTEGRATION')")
    public byte[] summaryPdf(UUID appointmentId) {
        DiaryRepository.Episode episode = repository.byAppointment(appointmentId)
                .orElseThrow(() -> new InvalidInputException("appointmentId", "This procedure has no diary."));
        audit.record(AuditAction.EXPORT, "DiarySummary", episode.id(), episode.patientId(), "PDF");
        return summaries.pdf(summary(view(episode)));
    }

    /**
     * The summaries sent for these appointments, oldest first, in one read however many, audited one line per
     * patient: a referrer's view of their referrals. The caller has checked that the user may see the referrals.
     */
    @Transactional
    public List<SentSummary> sentSummaries(java.util.Collection<UUID> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return List.of();
        }
        List<SentSummary> sent = repository.sentSummaries(appointmentIds);
        if (!sent.isEmpty()) {
            audit.recordPerPatient(AuditAction.LIST, "DiarySummary", sent, SentSummary::episodeId, SentSummary::patientId,
                    "diary summaries listed");
        }
        return sent;
    }

    /**
     * The summary with its pain chart as a PDF for the referrer of the referral, once it has been sent: the referral
     * must be one the user may see ({@link Referrals#show}) and the diary one of its own. Audited as an export.
     */
    @Transactional
    @PreAuthorize("hasRole('REFERRER')")
    public byte[] summaryPdfForReferrer(ReferralId referralId, UUID appointmentId) {
        Referral referral = referrals.show(referralId);
        DiaryRepository.Episode episode = repository.byAppointment(appointmentId)
                .filter(e -> e.referralId().equals(referral.id().value()) && repository.summary(e.id()).isPresent())
                .orElseThrow(() -> new InvalidInputException("appointmentId", "No diary summary has been sent for this referral."));
        audit.record(AuditAction.EXPORT, "DiarySummary", episode.id(), episode.patientId(), "PDF for the referrer");
        return summaries.pdf(summary(view(episode)));
    }

    @Scheduled(fixedDelayString = "${synovia.diary.check-interval:PT15M}",
            initialDelayString = "${synovia.diary.check-interval:PT15M}")
    public void run() {
        Instant now = clock.instant();
        closeExpired(now);
        sendReminders(now);
        sendSummaries(now);
        outbox.sendDue();
    }

    /** Emails each patient once for each time point that is due and not yet written; returns how many. */
    @Transactional
    public int sendReminders(Instant now) {
        int sent = 0;
        for (DiaryRepository.Episode episode : repository.open(now)) {
            Optional<TimePoint> due = due(episode, repository.entries(episode.id()), now).point();
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
                    + EmailOutbox.LINK + "\n\n"
                    + "If the joint becomes hot, red or swollen, or you have a fever or feel unwell, contact "
                    + properties.urgentContact() + " the same day, or call NHS 111. In an emergency call 999.\n\n"
                    + service.signature(), notification.publicUrl() + "/my-diary/" + token, patient.id().value(),
                    "diary-reminder", null);
            audit.record(AuditAction.EXPORT, RECORD_TYPE, episode.id(), episode.patientId(), "reminder " + due.get().code());
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
            EpisodeView view = view(episode);
            Referral referral = referrals.show(new ReferralId(episode.referralId()));
            var referrer = referral.details().referrer();
            String to = referrer == null || referrer.email() == null || referrer.email().isBlank() ? null : referrer.email();
            DiarySummaries.Summary summary = summary(view);
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
                audit.record(AuditAction.UPDATE, RECORD_TYPE, episode.id(), episode.patientId(), "closed");
                events.publishEvent(reading(episode, repository.entries(episode.id())));
                closed++;
            }
        }
        return closed;
    }

    private DiaryReadingUpdated reading(DiaryRepository.Episode episode, List<DiaryReading.Entry> entries) {
        return DiaryReading.read(episode.facts(), entries, properties.anaestheticWindowMinutes());
    }

    private DiaryRepository.Episode byLink(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new DiaryLinkRefused(false);
        }
        DiaryRepository.Episode episode = repository.byTokenHash(Secrets.sha256(token))
                .orElseThrow(() -> new DiaryLinkRefused(false));
        if (!episode.openAt(clock.instant())) {
            throw new DiaryLinkRefused(true);
        }
        return episode;
    }

    /** The point to fill now (the latest one reached, if not yet written) and the next one. */
    private Due due(DiaryRepository.Episode episode, List<DiaryReading.Entry> entries, Instant now) {
        int elapsed = episode.minutesAfterInjection(now);
        Set<String> written = entries.stream().map(DiaryReading.Entry::timePoint).collect(Collectors.toSet());
        List<TimePoint> points = properties.timePoints(episode.intent());
        Optional<TimePoint> reached = points.stream().filter(p -> p.minutesAfter() <= elapsed).max(Comparator.naturalOrder());
        TimePoint next = points.stream().filter(p -> p.minutesAfter() > elapsed).findFirst().orElse(null);
        return new Due(reached.filter(p -> !written.contains(p.code())), next);
    }

    private record Due(Optional<TimePoint> point, TimePoint next) {
    }

    private static boolean asksWorstDay(TimePoint point) {
        return point.day() >= 1;
    }

    private static boolean asksPgic(TimePoint point) {
        return point.day() >= Pgic.FROM_DAY;
    }

    /** Glucose on days 1–7 for patients with diabetes (facts AF-07: check more often for 1–3 days, up to 7). */
    private static boolean asksGlucose(DiaryRepository.Episode episode, TimePoint point) {
        return episode.diabetic() && point.day() >= 1 && point.day() <= 7;
    }

    private PatientDiary patientView(DiaryRepository.Episode episode, List<DiaryReading.Entry> entries) {
        Due due = due(episode, entries, clock.instant());
        TimePoint point = due.point().orElse(null);
        List<PatientDiary.PatientEntry> written = entries.stream().map(e -> new PatientDiary.PatientEntry(
                TimePoint.of(e.timePoint()).label(), e.recordedAt(), e.painNow(), e.painWorstDay(), Pgic.labelOf(e.pgic()),
                labels(e.sideEffects(), SideEffect.class), e.hasRedFlag() ? "Red flag reported" : "")).toList();
        return new PatientDiary(episode.injectedAt(), due.point(), due.next(),
                due.next() == null ? null : episode.injectedAt().plusSeconds(60L * due.next().minutesAfter()),
                point != null && asksWorstDay(point), point != null && asksPgic(point),
                point != null && asksGlucose(episode, point), written,
                DiaryChart.svg(episode.baselinePain(), entries, "patient-chart"), properties.urgentContact());
    }

    private EpisodeView view(DiaryRepository.Episode episode) {
        List<DiaryReading.Entry> entries = repository.entries(episode.id());
        DiaryReadingUpdated reading = reading(episode, entries);
        Optional<DiaryRepository.SummaryRow> summary = repository.summary(episode.id());
        Patient patient = patient(episode.patientId());
        return new EpisodeView(episode.id(), episode.appointmentId(), episode.patientId(), patient.displayName(),
                patient.email() != null && !patient.email().isBlank(), episode.intent(), episode.injectedAt(), episode.baselinePain(),
                episode.thresholdPercent(), episode.expiresAt(), episode.closedAt(), entries, reading,
                ReadingWords.lines(reading, entries, episode.thresholdPercent(), procedures.reliefThresholds(),
                        properties.anaestheticWindowMinutes()),
                DiaryChart.svg(episode.baselinePain(), entries, "episode-chart"),
                alertsOf(repository.alerts(false, episode.id(), 50)), summary.map(DiaryRepository.SummaryRow::writtenAt)
                        .orElse(null), summary.map(DiaryRepository.SummaryRow::sentTo).orElse(null));
    }

    private DiarySummaries.Summary summary(EpisodeView view) {
        Referral referral = referrals.show(new ReferralId(repository.byAppointment(view.appointmentId()).orElseThrow()
                .referralId()));
        Patient patient = patient(view.patientId());
        String site = catalogue.site(referral.details().siteCode()).map(s -> s.name()).orElse(referral.details().siteCode())
                + (referral.details().laterality() == null ? "" : " (" + referral.details().laterality().label().toLowerCase() + ")");
        return DiarySummaries.summary(view, patient.dateOfBirth(),
                patient.nhsNumber() == null ? null : patient.nhsNumber().formatted(), site,
                LocalDate.ofInstant(view.injectedAt(), clock.getZone()), LocalDate.now(clock), accounts.staffNames());
    }

    private List<DiaryAlert> alertsOf(List<DiaryRepository.AlertRow> rows) {
        return rows.stream().map(a -> new DiaryAlert(a.id(), a.appointmentId(), a.patientId(),
                patient(a.patientId()).displayName(), a.timePoint(), labels(a.redFlags(), RedFlag.class), a.raisedAt(),
                a.acknowledgedAt(), a.acknowledgedBy(), a.actionTaken())).toList();
    }

    private Patient patient(UUID id) {
        return patients.find(new PatientId(id)).orElseThrow();
    }

    /** Codes in the enum's order, comma-separated, as diary_entry stores them. */
    private static <E extends Enum<E>> String codes(Set<E> chosen, Class<E> type) {
        EnumSet<E> ordered = chosen.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(chosen);
        return ordered.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The patient's words for the side-effect codes of an entry. */
    public static List<String> sideEffectLabels(String codes) {
        return labels(codes, SideEffect.class);
    }

    /** The patient's words for the red-flag codes of an entry. */
    public static List<String> redFlagLabels(String codes) {
        return labels(codes, RedFlag.class);
    }

    /** The patient's words for stored codes; a code this version does not know is shown as it is. */
    static <E extends Enum<E>> List<String> labels(String codes, Class<E> type) {
        return Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty()).map(c -> {
            try {
                E value = Enum.valueOf(type, c);
                return value instanceof RedFlag r ? r.label() : value instanceof SideEffect s ? s.label() : c;
            }
            catch (IllegalArgumentException unknown) {
                return c;
            }
        }).toList();
    }
}
