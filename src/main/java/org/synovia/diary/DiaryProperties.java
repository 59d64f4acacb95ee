package org.synovia.diary;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.synovia.procedure.ReliefThresholds;
import org.synovia.referral.Intent;

/**
 * How the diary runs; every key is in docs/configuration.md.
 *
 * @param diagnosticTimePoints      entries asked after a diagnostic injection: through the local anaesthetic's window,
 *                                  then days (facts AF-08, DX-05)
 * @param therapeuticTimePoints     entries asked after a therapeutic injection (facts AF-08, OM-06)
 * @param anaestheticWindowMinutes  the window in which the diagnostic relief is read (DX-05: bupivacaine 4–8 h)
 * @param linkValidAfterLastPoint   the link keeps working this long after the last time point, then the episode closes
 * @param summaryAfterDiagnostic    when the referrer's summary goes after a diagnostic injection (default 2 weeks)
 * @param summaryAfterTherapeutic   when it goes after a therapeutic one (default 12 weeks, OM-06)
 * @param dualBlockSites            site codes where local policy reads diagnostic blocks as dual comparative blocks;
 *                                  the percentages are the procedure day's ({@code synovia.procedure.*-relief-percent})
 * @param remindHourlyPoints        also email reminders for the points within the day of the injection
 * @param checkInterval             how often the job looks for reminders, summaries and episodes to close
 * @param urgentContact             whom the patient calls at once about a red flag (AF-06), as the patient reads it
 * @param requestsPerMinutePerLink  requests one diary link may make in a minute before it is asked to wait
 * @param requestsPerMinutePerAddress requests for unknown or expired diary links one client address may make in a
 *                                  minute before it is asked to wait
 * @param rateLimitEntries          the most link-and-address counts kept in memory; the oldest go first
 */
@ConfigurationProperties("synovia.diary")
public record DiaryProperties(
        @DefaultValue({"M30", "H1", "H2", "H3", "H4", "H6", "H8", "D1", "D2", "D3", "D7", "D14"}) List<String> diagnosticTimePoints,
        @DefaultValue({"D1", "D2", "D3", "D7", "D14", "W4", "W6", "W8", "W12", "W16", "W20", "W24"}) List<String> therapeuticTimePoints,
        @DefaultValue("480") int anaestheticWindowMinutes,
        @DefaultValue("P7D") Duration linkValidAfterLastPoint,
        @DefaultValue("P14D") Duration summaryAfterDiagnostic,
        @DefaultValue("P84D") Duration summaryAfterTherapeutic,
        @DefaultValue({}) List<String> dualBlockSites,
        @DefaultValue("false") boolean remindHourlyPoints,
        @DefaultValue("PT15M") Duration checkInterval,
        @DefaultValue("the injection service on the number in your appointment letter") String urgentContact,
        @DefaultValue("30") int requestsPerMinutePerLink,
        @DefaultValue("120") int requestsPerMinutePerAddress,
        @DefaultValue("10000") int rateLimitEntries) {

    public DiaryProperties {
        diagnosticTimePoints = List.copyOf(diagnosticTimePoints);
        therapeuticTimePoints = List.copyOf(therapeuticTimePoints);
        dualBlockSites = List.copyOf(dualBlockSites);
        parse(diagnosticTimePoints, "diagnostic-time-points");
        parse(therapeuticTimePoints, "therapeutic-time-points");
        if (anaestheticWindowMinutes < 30 || anaestheticWindowMinutes > 24 * 60) {
            throw new IllegalArgumentException("synovia.diary.anaesthetic-window-minutes must be 30 to 1440");
        }
        // The fields are not assigned yet in a compact constructor: check with the parameters.
        summaryBeforeClosing(diagnosticTimePoints, linkValidAfterLastPoint, summaryAfterDiagnostic, "diagnostic");
        summaryBeforeClosing(therapeuticTimePoints, linkValidAfterLastPoint, summaryAfterTherapeutic, "therapeutic");
        if (requestsPerMinutePerLink < 1 || requestsPerMinutePerAddress < 1) {
            throw new IllegalArgumentException("synovia.diary.requests-per-minute-* must be at least 1");
        }
        if (rateLimitEntries < 100) {
            throw new IllegalArgumentException("synovia.diary.rate-limit-entries must be at least 100");
        }
    }

    /** The time points for an episode's intent, earliest first. */
    public List<TimePoint> timePoints(Intent intent) {
        return parse(intent == Intent.DIAGNOSTIC ? diagnosticTimePoints : therapeuticTimePoints, intent.name());
    }

    public Duration summaryAfter(Intent intent) {
        return intent == Intent.DIAGNOSTIC ? summaryAfterDiagnostic : summaryAfterTherapeutic;
    }

    /**
     * The relief a diagnostic block at this site must reach: the dual-block percentage (DX-02, 80% published) where
     * local policy reads dual blocks, else the diagnostic one (DX-01, 50% published).
     */
    public int thresholdPercent(String siteCode, ReliefThresholds thresholds) {
        return dualBlockSites.contains(siteCode) ? thresholds.dualBlockPercent() : thresholds.diagnosticPercent();
    }

    private static void summaryBeforeClosing(List<String> points, Duration validAfterLast, Duration summaryAfter,
            String intent) {
        Duration open = Duration.ofMinutes(parse(points, intent).getLast().minutesAfter()).plus(validAfterLast);
        if (summaryAfter.isNegative() || summaryAfter.compareTo(open) >= 0) {
            throw new IllegalArgumentException("synovia.diary.summary-after-" + intent + " must fall before the diary closes ("
                    + open.toDays() + " days): closed diaries are not summarised");
        }
    }

    private static List<TimePoint> parse(List<String> codes, String name) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("synovia.diary." + name + " needs at least one time point");
        }
        List<TimePoint> points = codes.stream().map(TimePoint::of).sorted().toList();
        if (points.stream().map(TimePoint::minutesAfter).distinct().count() != points.size()) {
            throw new IllegalArgumentException("synovia.diary." + name + " repeats a time point");
        }
        return points;
    }
}
