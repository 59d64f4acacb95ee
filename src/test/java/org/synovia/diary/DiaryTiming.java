package org.synovia.diary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.synovia.procedure.ReliefThresholds;
import org.synovia.referral.Intent;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Figures for docs/performance.md (run on demand: {@code ./mvnw test -Dtest=DiaryTiming}); not part of the build.
 * How long the pure reading takes per therapeutic diary of 12 entries, and one summary PDF with its chart.
 */
class DiaryTiming {

    @Test
    void measuresTheReadingAndTheSummaryPdf() {
        Random random = new Random(7);
        List<TimePoint> points = List.of("D1", "D2", "D3", "D7", "D14", "W4", "W6", "W8", "W12", "W16", "W20", "W24").stream()
                .map(TimePoint::of).toList();
        int episodes = 1_000_000;
        List<DiaryReading.Entry> entries = new ArrayList<>();
        Instant injected = Instant.parse("2026-01-05T10:00:00Z");
        for (TimePoint p : points) {
            entries.add(new DiaryReading.Entry(p.code(), p.minutesAfter(), injected.plusSeconds(60L * p.minutesAfter()),
                    random.nextInt(11), p.day() >= 14 ? 1 + random.nextInt(7) : null, ""));
        }
        var episode = new DiaryReading.Episode(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Intent.THERAPEUTIC, 8, 50);
        for (int i = 0; i < 200_000; i++) {
            DiaryReading.read(episode, entries);
        }
        long start = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < episodes; i++) {
            Integer days = DiaryReading.read(episode, entries).reliefDays();
            sum += days == null ? 0 : days;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("DiaryReading.read: %d therapeutic diaries of 12 entries in %.2f s (%.2f µs each; checksum %d)%n",
                episodes, seconds, seconds * 1e6 / episodes, sum);

        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        DiarySummaries summaries = new DiarySummaries(new org.synovia.shared.PdfDocuments(engine,
                new org.synovia.shared.ServiceIdentity("Injection service", "", "", "")));
        DiaryReadingUpdated reading = DiaryReading.read(episode, entries);
        var view = new EpisodeView(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "TEST, Alex", true,
                Intent.THERAPEUTIC, injected, 8, 50, injected, null, entries, reading,
                ReadingWords.lines(reading, entries, 50, ReliefThresholds.PUBLISHED, 480), DiaryChart.svg(8, entries, "t"), List.of(), null, null);
        var summary = DiarySummaries.summary(view, LocalDate.of(1970, 3, 14), null, "Knee joint (left)",
                LocalDate.of(2026, 1, 5), LocalDate.of(2026, 3, 30));
        for (int i = 0; i < 5; i++) {
            summaries.pdf(summary);
        }
        int pdfs = 20;
        start = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < pdfs; i++) {
            bytes = summaries.pdf(summary).length;
        }
        System.out.printf("Summary PDF with chart: %.0f ms each after warm-up (%d bytes)%n",
                (System.nanoTime() - start) / 1e6 / pdfs, bytes);
    }
}
