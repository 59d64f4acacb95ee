package org.synovia.diary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.synovia.shared.PdfDocuments;


/** The summary to the referrer: its text (stored as sent) and its PDF with the pain chart. */
@Component
class DiarySummaries {

    private final PdfDocuments pdf;

    DiarySummaries(PdfDocuments pdf) {
        this.pdf = pdf;
    }

    record Summary(String patientName, LocalDate dateOfBirth, String nhsNumber, String procedure, LocalDate injectedOn,
            LocalDate writtenOn, String intent, List<String> readingLines, List<String> sideEffects, List<String> redFlags,
            List<String> glucose, String chartSvg, String chartDescription) {

        String text() {
            return "Pain diary summary for " + patientName + (nhsNumber == null ? "" : ", NHS number " + nhsNumber)
                    + ", born " + dateOfBirth + ".\n" + intent + " injection: " + procedure + " on " + injectedOn + ".\n\n"
                    + String.join("\n", readingLines) + "\n\nSide effects: "
                    + (sideEffects.isEmpty() ? "none reported." : String.join("; ", sideEffects) + ".")
                    + "\nRed flags: " + (redFlags.isEmpty() ? "none reported." : String.join("; ", redFlags) + ".")
                    + (glucose.isEmpty() ? "" : "\nBlood glucose reported (mmol/L): " + String.join(", ", glucose) + ".")
                    + "\n\nPain over time: " + chartDescription + "\nWritten " + writtenOn + ".";
        }
    }

    static Summary summary(EpisodeView view, LocalDate dateOfBirth, String nhsNumber, String procedure, LocalDate injectedOn,
            LocalDate writtenOn) {
        return summary(view, dateOfBirth, nhsNumber, procedure, injectedOn, writtenOn,
                new org.synovia.account.StaffNames(Map.of()));
    }

    /** As above, naming who acknowledged each red flag by their full name (ADR 0082). */
    static Summary summary(EpisodeView view, LocalDate dateOfBirth, String nhsNumber, String procedure, LocalDate injectedOn,
            LocalDate writtenOn, org.synovia.account.StaffNames staff) {
        Map<String, List<String>> effects = new LinkedHashMap<>();
        List<String> flags = new ArrayList<>();
        for (DiaryReading.Entry e : view.entries()) {
            for (String effect : SideEffect.labelsOf(e.sideEffects())) {
                effects.computeIfAbsent(effect, k -> new ArrayList<>()).add(e.timePoint());
            }
        }
        for (DiaryAlert alert : view.alerts()) {
            flags.add(String.join(", ", alert.redFlags()) + " at " + alert.timePoint()
                    + (alert.open() ? " (alert open)" : " (acknowledged by " + staff.of(alert.acknowledgedBy()) + ": " + alert.actionTaken() + ")"));
        }
        List<String> sideEffects = effects.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .toList();
        // Readings a patient with diabetes gave on days 1-7 (facts AF-07, CX-09), for the referrer to see the rise.
        List<String> glucose = view.entries().stream().filter(e -> e.glucoseMmolL() != null)
                .map(e -> e.glucoseMmolL().stripTrailingZeros().toPlainString() + " at " + e.timePoint()).toList();
        return new Summary(view.patientName(), dateOfBirth, nhsNumber, procedure, injectedOn, writtenOn,
                view.intent().label(), view.readingLines(), sideEffects, flags, glucose,
                DiaryChart.svg(view.baselinePain(), view.entries(), "summary-chart"),
                DiaryChart.description(view.baselinePain(), view.entries()));
    }

    byte[] pdf(Summary summary) {
        return pdf.render("diary/summary-pdf", Map.of("summary", summary));
    }
}
