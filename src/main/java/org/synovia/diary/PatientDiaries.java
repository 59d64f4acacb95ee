package org.synovia.diary;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Secrets;

/**
 * The patient's own diary, reached by the secret link emailed to them (32 random bytes; only the SHA-256 is kept; it
 * expires; it opens that one episode; ADR 0016): the entries so far with the chart, and an entry for the time point
 * due now. A red flag shows urgent advice at once and raises an alert on the team's worklist (AF-06, HAZ-46); every
 * entry publishes {@link DiaryReadingUpdated}.
 */
@Service
public class PatientDiaries {

    private static final Logger log = LoggerFactory.getLogger(PatientDiaries.class);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{20,100}");

    private final DiaryRepository repository;
    private final DiaryProperties properties;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatientDiaries(DiaryRepository repository, DiaryProperties properties, AuditTrail audit, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The diary a link opens; refused, with why, when the link is unknown or expired. */
    @Transactional
    public PatientDiary open(String token) {
        DiaryRepository.Episode episode = byLink(token);
        audit.record(AuditAction.READ, DiaryEpisodes.RECORD_TYPE, episode.id(), episode.patientId(),
                "opened by the patient's diary link");
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
        DiaryRepository.Due due = episode.due(entries, properties.timePoints(episode.intent()), now);
        if (due.point().isEmpty()) {
            throw new InvalidInputException("timePoint", due.next() == null ? "Your diary is complete: no more entries are due."
                    : "Your next entry is not due yet: " + due.next().label().toLowerCase() + ".");
        }
        TimePoint point = due.point().get();
        if (entry.timePoint() != null && !point.code().equals(entry.timePoint())) {
            throw new InvalidInputException("timePoint", "This page was for an earlier time. The diary now asks about "
                    + point.label().toLowerCase() + ": please fill it in below.");
        }
        var written = entry.written(point, episode.asksGlucose(point), episode.minutesAfterInjection(now), now);
        UUID entryId = UUID.randomUUID();
        repository.insertEntry(entryId, episode.id(), written);
        audit.record(AuditAction.CREATE, "DiaryEntry", entryId, episode.patientId(), point.code() + " by the patient's link");
        if (!written.redFlags().isEmpty()) {
            repository.insertAlert(UUID.randomUUID(), episode.id(), entryId, written.redFlags(), now);
            log.warn("Diary red flag for episode {}: {}", episode.id(), written.redFlags());
        }
        List<DiaryReading.Entry> all = new ArrayList<>(entries);
        all.add(written);
        events.publishEvent(episode.reading(all, properties.anaestheticWindowMinutes()));
        return new EntrySaved(point, entry.redFlags(), properties.urgentContact());
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

    private PatientDiary patientView(DiaryRepository.Episode episode, List<DiaryReading.Entry> entries) {
        DiaryRepository.Due due = episode.due(entries, properties.timePoints(episode.intent()), clock.instant());
        TimePoint point = due.point().orElse(null);
        List<PatientDiary.PatientEntry> written = entries.stream().map(e -> new PatientDiary.PatientEntry(
                TimePoint.of(e.timePoint()).label(), e.recordedAt(), e.painNow(), e.painWorstDay(), Pgic.labelOf(e.pgic()),
                SideEffect.labelsOf(e.sideEffects()), e.hasRedFlag() ? "Red flag reported" : "")).toList();
        return new PatientDiary(episode.injectedAt(), due.point(), due.next(),
                due.next() == null ? null : episode.injectedAt().plusSeconds(60L * due.next().minutesAfter()),
                point != null && point.asksWorstDay(), point != null && point.asksPgic(),
                point != null && episode.asksGlucose(point), written,
                DiaryChart.svg(episode.baselinePain(), entries, "patient-chart"), properties.urgentContact());
    }
}
