package org.synovia.diary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.catalogue.Catalogue;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.procedure.ProcedureRecords;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.shared.InvalidInputException;

/**
 * A procedure's diary as the team and the referrer read it: the entries with their reading (the one
 * {@link DiaryReading} every page shares, ADR 0017), the chart and the alerts, and the summary for the referrer as a
 * PDF, once written. Every read is audited.
 */
@Service
public class DiaryEpisodes {

    static final String RECORD_TYPE = "DiaryEpisode";

    private final DiaryRepository repository;
    private final DiaryProperties properties;
    private final DiarySummaries summaries;
    private final DiaryAlerts alerts;
    private final Referrals referrals;
    private final Patients patients;
    private final ProcedureRecords procedureRecords;
    private final Catalogue catalogue;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    DiaryEpisodes(DiaryRepository repository, DiaryProperties properties, DiarySummaries summaries, DiaryAlerts alerts,
            Referrals referrals, Patients patients, ProcedureRecords procedureRecords, Catalogue catalogue,
            UserAccounts accounts, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.summaries = summaries;
        this.alerts = alerts;
        this.referrals = referrals;
        this.patients = patients;
        this.procedureRecords = procedureRecords;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
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
    public List<SentSummary> sentSummaries(Collection<UUID> appointmentIds) {
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

    /** The episode with its entries, reading, words, chart and alerts. */
    EpisodeView view(DiaryRepository.Episode episode) {
        List<DiaryReading.Entry> entries = repository.entries(episode.id());
        DiaryReadingUpdated reading = episode.reading(entries, properties.anaestheticWindowMinutes());
        Optional<DiaryRepository.SummaryRow> summary = repository.summary(episode.id());
        Patient patient = patient(episode.patientId());
        return new EpisodeView(episode.id(), episode.appointmentId(), episode.patientId(), patient.displayName(),
                patient.email() != null && !patient.email().isBlank(), episode.intent(), episode.injectedAt(), episode.baselinePain(),
                episode.thresholdPercent(), episode.expiresAt(), episode.closedAt(), entries, reading,
                ReadingWords.lines(reading, entries, episode.thresholdPercent(), procedureRecords.reliefThresholds(),
                        properties.anaestheticWindowMinutes()),
                DiaryChart.svg(episode.baselinePain(), entries, "episode-chart"),
                alerts.of(repository.alerts(false, episode.id(), 50)), summary.map(DiaryRepository.SummaryRow::writtenAt)
                        .orElse(null), summary.map(DiaryRepository.SummaryRow::sentTo).orElse(null));
    }

    /** The referrer's summary of an episode as it reads now. */
    DiarySummaries.Summary summary(EpisodeView view) {
        Referral referral = referrals.show(new ReferralId(repository.byAppointment(view.appointmentId()).orElseThrow()
                .referralId()));
        Patient patient = patient(view.patientId());
        String site = catalogue.site(referral.details().siteCode()).map(s -> s.name()).orElse(referral.details().siteCode())
                + (referral.details().laterality() == null ? "" : " (" + referral.details().laterality().label().toLowerCase() + ")");
        return DiarySummaries.summary(view, patient.dateOfBirth(),
                patient.nhsNumber() == null ? null : patient.nhsNumber().formatted(), site,
                LocalDate.ofInstant(view.injectedAt(), clock.getZone()), LocalDate.now(clock), accounts.staffNames());
    }

    private Patient patient(UUID id) {
        return patients.find(new PatientId(id)).orElseThrow();
    }
}
