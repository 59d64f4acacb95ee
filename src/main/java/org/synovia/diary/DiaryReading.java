package org.synovia.diary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.synovia.referral.Intent;

/**
 * Reads a diary: pure arithmetic from the episode's facts and its entries to a {@link DiaryReadingUpdated}.
 * No Spring, no database, no clock, so that the outcome generator and the analytics compute exactly what
 * the diary shows. The definitions and their sources are in ADR 0017.
 * <ul>
 * <li>Diagnostic response: the largest relief against baseline in the local anaesthetic's window (facts DX-05,
 * default 8 hours), read against the episode's threshold: ≥ 50% by default (DX-01, DX-03, DX-04), ≥ 80% for
 * dual comparative medial branch blocks where local policy says so (DX-02).</li>
 * <li>Therapeutic response at 6 weeks: a fall of ≥ 2 points and ≥ 30% (OM-01), or PGIC "much" or "very much
 * improved" (OM-02), in the entry nearest 42 days (35 to 49 days).</li>
 * <li>Duration of relief: relief means pain at least 30% below baseline (OM-01); it lasts until the first later
 * entry whose pain is back within 30% of baseline, counted in whole days from the injection; when pain has not
 * come back by the last entry, the duration is censored there. No relief at any entry reads as 0 days.</li>
 * </ul>
 */
public final class DiaryReading {

    /** The window in which a local anaesthetic acts: bupivacaine about 4 to 8 hours (facts DX-05). */
    public static final int DEFAULT_ANAESTHETIC_WINDOW_MINUTES = 8 * 60;
    /** A clinically important fall in pain NRS: about 2 points (facts OM-01). */
    public static final int IMPORTANT_CHANGE_POINTS = 2;
    /** A clinically important fall in pain NRS: about 30%; also the edge of "relief" for its duration (OM-01). */
    public static final int IMPORTANT_CHANGE_PERCENT = 30;
    /** PGIC 1 "very much improved" and 2 "much improved" are an important improvement (facts OM-02). */
    public static final int PGIC_MUCH_IMPROVED = 2;
    /** The therapeutic reading is taken at 6 weeks (facts OM-06: 4 to 6 weeks), from the entry nearest it. */
    public static final int SIX_WEEKS_DAYS = 42;
    public static final int SIX_WEEKS_TOLERANCE_DAYS = 7;

    private static final int MINUTES_PER_DAY = 24 * 60;

    private DiaryReading() {
    }

    /** What the reading needs to know of an episode; {@code baselinePain} is the score before the injection. */
    public record Episode(UUID appointmentId, UUID referralId, UUID patientId, Intent intent, int baselinePain,
            int reliefThresholdPercent) {

        public Episode {
            Objects.requireNonNull(intent, "intent");
            if (baselinePain < 0 || baselinePain > 10 || reliefThresholdPercent < 1 || reliefThresholdPercent > 100) {
                throw new IllegalArgumentException("baseline pain is 0 to 10 and the threshold 1 to 100%");
            }
        }
    }

    /** One diary entry, as the {@code diary_entry} table holds it. Codes are comma-separated. */
    public record Entry(String timePoint, int minutesAfter, Instant recordedAt, int painNow, Integer painWorstDay,
            Integer pgic, String sideEffects, BigDecimal glucoseMmolL, String redFlags) {

        public Entry {
            if (minutesAfter < 0 || painNow < 0 || painNow > 10) {
                throw new IllegalArgumentException("an entry is at or after the injection with pain 0 to 10");
            }
            sideEffects = sideEffects == null ? "" : sideEffects;
            redFlags = redFlags == null ? "" : redFlags;
        }

        /** An entry with only what the reading uses. */
        public Entry(String timePoint, int minutesAfter, Instant recordedAt, int painNow, Integer pgic, String redFlags) {
            this(timePoint, minutesAfter, recordedAt, painNow, null, pgic, "", null, redFlags);
        }

        public boolean hasRedFlag() {
            return !redFlags.isBlank();
        }
    }

    /** How long relief lasted: whole days from the injection, and whether pain had not yet returned. */
    public record ReliefDuration(int days, boolean censored) {
    }

    /** The reading with the default anaesthetic window. */
    public static DiaryReadingUpdated read(Episode episode, List<Entry> entries) {
        return read(episode, entries, DEFAULT_ANAESTHETIC_WINDOW_MINUTES);
    }

    /** The whole reading of an episode from its entries, in any order. */
    public static DiaryReadingUpdated read(Episode episode, List<Entry> entries, int anaestheticWindowMinutes) {
        List<Entry> sorted = sorted(entries);
        int baseline = episode.baselinePain();
        BigDecimal best = null;
        Boolean positive = null;
        if (episode.intent() != Intent.THERAPEUTIC) {
            best = bestReliefPercent(baseline, sorted, anaestheticWindowMinutes);
            positive = best == null ? null : meetsThreshold(best, episode.reliefThresholdPercent());
        }
        Boolean responder = null;
        if (episode.intent() != Intent.DIAGNOSTIC) {
            responder = sixWeekEntry(sorted).map(e -> clinicallyImportantChange(baseline, e.painNow(), e.pgic())).orElse(null);
        }
        Optional<ReliefDuration> duration = durationOfRelief(baseline, sorted);
        int redFlags = (int) sorted.stream().filter(Entry::hasRedFlag).count();
        Instant last = sorted.stream().map(Entry::recordedAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return new DiaryReadingUpdated(episode.appointmentId(), episode.referralId(), episode.patientId(), episode.intent(),
                baseline, best, positive, responder, duration.map(ReliefDuration::days).orElse(null),
                duration.map(ReliefDuration::censored).orElse(false), redFlags, last);
    }

    /** Relief against baseline as a percentage to one decimal place (negative when worse); empty at baseline 0. */
    public static Optional<BigDecimal> reliefPercent(int baselinePain, int painNow) {
        if (baselinePain == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(100L * (baselinePain - painNow))
                .divide(BigDecimal.valueOf(baselinePain), 1, RoundingMode.HALF_UP));
    }

    /** The largest relief among entries within the anaesthetic window; null when there are none or baseline is 0. */
    public static BigDecimal bestReliefPercent(int baselinePain, List<Entry> entries, int anaestheticWindowMinutes) {
        return entries.stream().filter(e -> e.minutesAfter() <= anaestheticWindowMinutes)
                .map(e -> reliefPercent(baselinePain, e.painNow()))
                .flatMap(Optional::stream).max(Comparator.naturalOrder()).orElse(null);
    }

    /** True when the relief reaches the threshold (at or above it). */
    public static boolean meetsThreshold(BigDecimal reliefPercent, int thresholdPercent) {
        return reliefPercent.compareTo(BigDecimal.valueOf(thresholdPercent)) >= 0;
    }

    /** OM-01: a fall of at least 2 points and at least 30%; or OM-02: PGIC much or very much improved. */
    public static boolean clinicallyImportantChange(int baselinePain, int painNow, Integer pgic) {
        int fall = baselinePain - painNow;
        boolean nrs = fall >= IMPORTANT_CHANGE_POINTS && 100 * fall >= IMPORTANT_CHANGE_PERCENT * baselinePain;
        return nrs || (pgic != null && pgic <= PGIC_MUCH_IMPROVED);
    }

    /** The entry nearest 6 weeks, within a week either side; the earlier on a tie. */
    public static Optional<Entry> sixWeekEntry(List<Entry> entries) {
        int target = SIX_WEEKS_DAYS * MINUTES_PER_DAY;
        int tolerance = SIX_WEEKS_TOLERANCE_DAYS * MINUTES_PER_DAY;
        return entries.stream().filter(e -> Math.abs(e.minutesAfter() - target) <= tolerance)
                .min(Comparator.comparingInt((Entry e) -> Math.abs(e.minutesAfter() - target))
                        .thenComparingInt(Entry::minutesAfter));
    }

    /** Pain at least 30% below baseline (OM-01); pain within 30% of baseline is no relief. */
    public static boolean relieved(int baselinePain, int painNow) {
        return baselinePain > 0 && 100 * (baselinePain - painNow) >= IMPORTANT_CHANGE_PERCENT * baselinePain;
    }

    /**
     * Days from the injection until pain returned to within 30% of baseline after relief began, or to the last
     * entry (censored) when it had not; 0 days when no entry showed relief. Empty without entries or at baseline 0.
     */
    public static Optional<ReliefDuration> durationOfRelief(int baselinePain, List<Entry> entries) {
        if (baselinePain == 0 || entries.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> sorted = sorted(entries);
        boolean reliefBegan = false;
        for (Entry e : sorted) {
            boolean relieved = relieved(baselinePain, e.painNow());
            if (relieved) {
                reliefBegan = true;
            }
            else if (reliefBegan) {
                return Optional.of(new ReliefDuration(days(e.minutesAfter()), false));
            }
        }
        return Optional.of(reliefBegan ? new ReliefDuration(days(sorted.getLast().minutesAfter()), true)
                : new ReliefDuration(0, false));
    }

    /** Whole days, to the nearest, so that a day-14 entry written a little early still counts as 14. */
    static int days(int minutesAfter) {
        return (int) Math.round(minutesAfter / (double) MINUTES_PER_DAY);
    }

    private static List<Entry> sorted(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparingInt(Entry::minutesAfter)).toList();
    }
}
