package org.synovia.diary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.synovia.referral.Intent;

/** One patient's diary for the team: the entries, the reading in words, the chart and the summary sent. */
public record EpisodeView(UUID episodeId, UUID appointmentId, UUID patientId, String patientName, boolean patientHasEmail,
        Intent intent,
        Instant injectedAt, int baselinePain, int thresholdPercent, Instant expiresAt, Instant closedAt,
        List<DiaryReading.Entry> entries, DiaryReadingUpdated reading, List<String> readingLines, String chartSvg,
        List<DiaryAlert> alerts, Instant summaryWrittenAt, String summarySentTo) {
}
