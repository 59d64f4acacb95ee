package org.synovia.journey;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.booking.Appointment;
import org.synovia.booking.AppointmentStatus;
import org.synovia.booking.Bookings;
import org.synovia.diary.DiaryEpisodes;
import org.synovia.diary.SentSummary;
import org.synovia.procedure.ProcedureReports;
import org.synovia.procedure.ReportVersion;
import org.synovia.referral.InformationRequest;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralFilter;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralSummary;
import org.synovia.referral.Referrals;
import org.synovia.scheduling.Slot;
import org.synovia.shared.CurrentUser;

/**
 * A referrer's view of what became of their referrals (ADR 0085). Only referrals the user may see are read
 * ({@link Referrals} narrows a referrer to their own), and everything else is asked for by those referrals'
 * ids, once per module however many there are. Each module audits what it gives out.
 */
@Service
public class Journeys {

    /** The home page's list is for what is new, not a history. */
    static final int NEWS_LIMIT = 50;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy 'at' HH:mm", Locale.UK);

    private final Referrals referrals;
    private final Bookings bookings;
    private final ProcedureReports procedureReports;
    private final DiaryEpisodes diaryEpisodes;
    private final JourneySeenRepository seen;
    private final AuditTrail audit;
    private final Clock clock;

    Journeys(Referrals referrals, Bookings bookings, ProcedureReports procedureReports, DiaryEpisodes diaryEpisodes,
            JourneySeenRepository seen, AuditTrail audit, Clock clock) {
        this.referrals = referrals;
        this.bookings = bookings;
        this.procedureReports = procedureReports;
        this.diaryEpisodes = diaryEpisodes;
        this.seen = seen;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The journey of one referral the user may see (otherwise {@link org.synovia.referral.ReferralNotFoundException});
     * what it shows counts as seen from now on.
     */
    @Transactional
    public Journey of(ReferralId id) {
        Referral referral = referrals.show(id);
        Facts facts = facts(List.of(referral.id()));
        Journey journey = new Journey(id, facts.visits(), facts.reports(), facts.summaries(),
                facts.questions().stream().filter(InformationRequest::isOpen).toList());
        Instant newest = facts.items(Map.of()).stream().map(NewsItem::at).max(Comparator.naturalOrder()).orElse(null);
        if (newest != null) {
            seen.markSeen(CurrentUser.username(), Map.of(id.value(), newest));
        }
        return journey;
    }

    /**
     * What happened on the user's referrals since they last looked at each, newest first, at most {@value #NEWS_LIMIT}:
     * appointments booked or cancelled, reports signed or amended, diary summaries sent, and questions waiting.
     */
    @Transactional
    public List<NewsItem> news() {
        List<ReferralSummary> mine = referrals.list(ReferralFilter.NONE);
        if (mine.isEmpty()) {
            return List.of();
        }
        Map<UUID, ReferralSummary> byId = mine.stream().collect(Collectors.toMap(s -> s.id().value(), Function.identity()));
        Facts facts = facts(mine.stream().map(ReferralSummary::id).toList());
        Map<UUID, Instant> seenUntil = seen.seenUntil(CurrentUser.username(), byId.keySet());
        List<NewsItem> news = facts.items(byId).stream()
                .filter(item -> !seenUntil.containsKey(item.referralId().value())
                        || item.at().isAfter(seenUntil.get(item.referralId().value())))
                .sorted(Comparator.comparing(NewsItem::at).reversed())
                .limit(NEWS_LIMIT).toList();
        audit.recordPerPatient(AuditAction.LIST, "ReferrerNews", news, item -> item.referralId().value(),
                item -> byId.get(item.referralId().value()).patientId(), "new items on " + mine.size() + " referrals");
        return news;
    }

    /**
     * Marks as seen what the user's home page showed: every item up to {@code shownUntil}, the newest it listed, so
     * that anything that happened after the page was drawn stays new.
     */
    @Transactional
    public void markSeen(Instant shownUntil) {
        Map<UUID, Instant> until = new HashMap<>();
        news().stream().filter(item -> !item.at().isAfter(shownUntil))
                .forEach(item -> until.merge(item.referralId().value(), item.at(), (a, b) -> a.isAfter(b) ? a : b));
        seen.markSeen(CurrentUser.username(), until);
    }

    private Facts facts(List<ReferralId> ids) {
        List<Appointment> appointments = bookings.forReferrals(ids.stream().map(ReferralId::value).toList());
        Map<UUID, Slot> slots = bookings.slots(appointments);
        List<UUID> appointmentIds = appointments.stream().map(Appointment::id).toList();
        ZoneId zone = clock.getZone();
        List<Journey.Visit> visits = appointments.stream().map(a -> {
            Slot slot = slots.get(a.id());
            String place = slot == null ? null
                    : slot.roomName() + (slot.roomLocation() == null || slot.roomLocation().isBlank() ? "" : ", " + slot.roomLocation());
            return new Journey.Visit(a.id(), a.start().atZone(zone), a.minutes(), place, a.status().label(), a.active(),
                    a.bookedAt(), a.endedAt());
        }).toList();
        Map<UUID, UUID> referralOf = appointments.stream().collect(Collectors.toMap(Appointment::id, Appointment::referralId));
        return new Facts(appointments, referralOf, visits, procedureReports.reportVersions(appointmentIds),
                diaryEpisodes.sentSummaries(appointmentIds), referrals.informationRequests(ids), zone);
    }

    /** What was read for some referrals, and the news it makes. */
    private record Facts(List<Appointment> appointments, Map<UUID, UUID> referralOf, List<Journey.Visit> visits,
            List<ReportVersion> reports, List<SentSummary> summaries, List<InformationRequest> questions, ZoneId zone) {

        List<NewsItem> items(Map<UUID, ReferralSummary> referrals) {
            List<NewsItem> items = new ArrayList<>();
            Map<UUID, Journey.Visit> visitById = visits.stream().collect(Collectors.toMap(Journey.Visit::appointmentId, v -> v));
            for (Appointment a : appointments) {
                Journey.Visit visit = visitById.get(a.id());
                String when = WHEN.format(visit.start()) + (visit.place() == null ? "" : ", " + visit.place());
                items.add(item(referrals, NewsItem.Kind.APPOINTMENT_BOOKED, a.bookedAt(), a.referralId(), "For " + when + "."));
                if (a.status() == AppointmentStatus.CANCELLED && a.endedAt() != null) {
                    items.add(item(referrals, NewsItem.Kind.APPOINTMENT_CANCELLED, a.endedAt(), a.referralId(),
                            "The appointment for " + when + " was cancelled" + (a.endReason() == null ? "." : ": " + a.endReason())));
                }
            }
            for (ReportVersion r : reports) {
                items.add(item(referrals, r.amended() ? NewsItem.Kind.REPORT_AMENDED : NewsItem.Kind.REPORT_SIGNED, r.writtenAt(),
                        r.referralId(), r.title() + " sent."));
            }
            for (SentSummary s : summaries) {
                items.add(item(referrals, NewsItem.Kind.DIARY_SUMMARY_SENT, s.writtenAt(), s.referralId(),
                        "The patient's pain diary summary was sent."));
            }
            for (InformationRequest q : questions) {
                if (q.isOpen()) {
                    items.add(item(referrals, NewsItem.Kind.QUESTION_WAITING, q.askedAt(), q.referralId().value(), q.question()));
                }
            }
            return items;
        }

        private static NewsItem item(Map<UUID, ReferralSummary> referrals, NewsItem.Kind kind, Instant at, UUID referralId,
                String what) {
            ReferralSummary referral = referrals.get(referralId);
            return new NewsItem(kind, at, new ReferralId(referralId), referral == null ? null : referral.patientName(),
                    referral == null ? null : referral.target(), what);
        }
    }
}
