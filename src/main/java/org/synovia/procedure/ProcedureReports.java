package org.synovia.procedure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/** Builds the referrer's report and the patient's aftercare leaflet and renders them to PDF. */
@Component
class ProcedureReports {

    private final SpringTemplateEngine templates;

    ProcedureReports(SpringTemplateEngine templates) {
        this.templates = templates;
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    /**
     * The report from the signed record and its pain scores; with addenda it is the amended report, the same
     * content followed by each addendum with who, when and why.
     */
    static ProcedureReport report(String patientName, LocalDate dateOfBirth, String nhsNumber, LocalDate day,
            String procedure, ProcedureRecord r, PainResponse pain, boolean diabetic,
            java.util.List<ProcedureRecord.Addendum> addenda, java.time.ZoneId zone) {
        String technique = r.guidance().label() + (r.approach() == null || r.approach().isBlank() ? "" : ", " + r.approach())
                + "; needle " + r.needle() + (r.contrastUsed() ? "; contrast used" : "")
                + (r.needleTipConfirmed() ? "; needle-tip position confirmed" : "; needle-tip position not confirmed")
                + "; " + r.keyImages() + " key images"
                + (r.aspirateMl() == null ? "" : "; aspirate " + r.aspirateMl().stripTrailingZeros().toPlainString() + " mL"
                        + (r.aspirateAppearance() == null ? "" : " " + r.aspirateAppearance())
                        + (r.aspirateSentFor() == null || r.aspirateSentFor().isBlank() ? "" : ", sent for " + r.aspirateSentFor()));
        var drugs = r.drugs().stream().map(d -> d.product() + " " + d.dose() + " (" + d.volumeMl().stripTrailingZeros()
                .toPlainString() + " mL), batch " + d.batch() + ", expiry " + d.expiry() + ", " + d.route() + ", " + d.site())
                .toList();
        String dose = r.dapGyCm2() != null ? "dose-area product " + r.dapGyCm2().stripTrailingZeros().toPlainString()
                + " Gy·cm², screening time " + r.screeningSeconds() + " s"
                : r.dlpMGyCm() != null ? "DLP " + r.dlpMGyCm().stripTrailingZeros().toPlainString() + " mGy·cm, CTDIvol "
                        + r.ctdiVolMGy().stripTrailingZeros().toPlainString() + " mGy"
                : "no ionising radiation";
        String response = pain.reading();
        var amendments = addenda.stream().map(a -> a.addedBy() + ", " + WHEN.format(a.addedAt().atZone(zone)) + ": "
                + a.text() + " (why: " + a.reason() + ")").toList();
        String plan = "The patient was given aftercare advice and a leaflet"
                + (diabetic ? ", including checking blood glucose more often for 1 to 3 days and up to 7 (AF-07)" : "")
                + ". The pain diary follows; we will send you its results.";
        return new ProcedureReport(addenda.isEmpty() ? ProcedureReport.ORIGINAL_TITLE : ProcedureReport.AMENDED_TITLE,
                patientName, dateOfBirth, nhsNumber, day, procedure, r.operator()
                + (r.assistant() == null || r.assistant().isBlank() ? "" : ", assisted by " + r.assistant()), technique,
                drugs, dose, pain.lines(), response, r.complications(), plan, diabetic, amendments);
    }

    byte[] reportPdf(ProcedureReport report) {
        return render("procedure/report-pdf", Map.of("report", report));
    }

    byte[] leafletPdf(ProcedureReport report) {
        return render("procedure/aftercare-pdf", Map.of("report", report));
    }

    private byte[] render(String template, Map<String, Object> model) {
        String xhtml = templates.process(template, new Context(Locale.UK, model));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
