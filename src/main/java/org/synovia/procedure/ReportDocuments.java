package org.synovia.procedure;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.synovia.account.StaffNames;
import org.synovia.shared.PdfDocuments;


/** Builds the referrer's report and the patient's aftercare leaflet and renders them to PDF. */
@Component
class ReportDocuments {

    private final PdfDocuments pdf;

    ReportDocuments(PdfDocuments pdf) {
        this.pdf = pdf;
    }

    /** Times as people read them on a report: "Tuesday 12 January 2027, 09:40". */
    static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    /** "Tuesday 12 January 2027". */
    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    /** "10 December 1958": a birth date needs no weekday. */
    static final java.time.format.DateTimeFormatter DATE_OF_BIRTH = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final StaffNames USERNAMES = new StaffNames(Map.of());

    /**
     * The report from the signed record and its pain scores; with addenda it is the amended report, the same
     * content followed by each addendum with who, when and why.
     */
    static ProcedureReport report(String patientName, LocalDate dateOfBirth, String nhsNumber, LocalDate day,
            String procedure, ProcedureRecord r, PainResponse pain, boolean diabetic,
            java.util.List<ProcedureRecord.Addendum> addenda, java.time.ZoneId zone) {
        return report(patientName, dateOfBirth, nhsNumber, day, procedure, r, pain, diabetic, addenda, zone, java.util.List.of());
    }

    /** The report with the day's safety lines (observations, checks and decisions, urgent pathway). */
    static ProcedureReport report(String patientName, LocalDate dateOfBirth, String nhsNumber, LocalDate day,
            String procedure, ProcedureRecord r, PainResponse pain, boolean diabetic,
            java.util.List<ProcedureRecord.Addendum> addenda, java.time.ZoneId zone, java.util.List<String> daySafety) {
        return report(patientName, dateOfBirth, nhsNumber, day, procedure, r, pain, diabetic, addenda, zone, daySafety,
                java.util.List.of());
    }

    /** As above, with the comparative reading of this diagnostic block and the same target's previous one (ADR 0038). */
    static ProcedureReport report(String patientName, LocalDate dateOfBirth, String nhsNumber, LocalDate day,
            String procedure, ProcedureRecord r, PainResponse pain, boolean diabetic,
            java.util.List<ProcedureRecord.Addendum> addenda, java.time.ZoneId zone, java.util.List<String> daySafety,
            java.util.List<String> comparativeBlocks) {
        return report(patientName, dateOfBirth, nhsNumber, day, procedure, r, pain, diabetic, addenda, zone, daySafety,
                comparativeBlocks, USERNAMES, null);
    }

    /**
     * As above, naming staff by their full names and closing with the signatory (full name, grade, registration
     * and its register) and when they signed (ADR 0082).
     */
    static ProcedureReport report(String patientName, LocalDate dateOfBirth, String nhsNumber, LocalDate day,
            String procedure, ProcedureRecord r, PainResponse pain, boolean diabetic,
            java.util.List<ProcedureRecord.Addendum> addenda, java.time.ZoneId zone, java.util.List<String> daySafety,
            java.util.List<String> comparativeBlocks, StaffNames staff, String signatory) {
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
        var amendments = addenda.stream().map(a -> staff.of(a.addedBy()) + ", " + WHEN.format(a.addedAt().atZone(zone)) + ": "
                + a.text() + " (why: " + a.reason() + ")").toList();
        String plan = "The patient was given aftercare advice and a leaflet"
                + (diabetic ? ", including checking blood glucose more often for 1 to 3 days and up to 7 (AF-07)" : "")
                + ". The pain diary follows; we will send you its results.";
        return new ProcedureReport(addenda.isEmpty() ? ProcedureReport.ORIGINAL_TITLE : ProcedureReport.AMENDED_TITLE,
                patientName, dateOfBirth, nhsNumber, day, procedure, r.operator()
                + (r.assistant() == null || r.assistant().isBlank() ? "" : ", assisted by " + r.assistant()), technique,
                drugs, dose, pain.lines(), response, r.complications(), plan, diabetic, amendments, daySafety,
                comparativeBlocks, r.signed() ? new ProcedureReport.Signature(signatory == null ? staff.of(r.signedBy())
                        : signatory, WHEN.format(r.signedAt().atZone(zone))) : null);
    }

    /** The day's safety lines for the record page and the report, from what is stored. */
    static java.util.List<String> daySafetyLines(DaySafety safety, java.time.ZoneId zone) {
        return daySafetyLines(safety, zone, USERNAMES);
    }

    /** As above, with staff named by their full names. */
    static java.util.List<String> daySafetyLines(DaySafety safety, java.time.ZoneId zone, StaffNames staff) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        safety.observations().ifPresent(o -> lines.add("Observations at sign-in: " + o.summary(zone, staff.of(o.recordedBy()))));
        for (DaySafetyCheck check : safety.checks()) {
            var notable = check.findings().stream().filter(f -> f.severity() != org.synovia.safety.Severity.INFO).toList();
            lines.add("Safety check at " + check.step().label().toLowerCase() + " (" + staff.of(check.checkedBy()) + ", "
                    + WHEN.format(check.checkedAt().atZone(zone)) + ", drugs checked: " + check.drugs() + "): "
                    + (notable.isEmpty() ? "no objection" : notable.stream().map(f -> f.ruleId() + " (" + f.severity() + ") "
                            + f.message() + check.decision(f.ruleId()).map(d -> " — " + d.kind().label() + " by "
                                    + staff.of(d.decidedBy()) + ": " + d.reason()).orElse("")).collect(java.util.stream.Collectors.joining("; "))));
        }
        safety.urgentPathway().ifPresent(u -> lines.add("Urgent pathway (no steroid): " + u.reason() + "; started by "
                + staff.of(u.startedBy()) + ", " + WHEN.format(u.startedAt().atZone(zone))
                + (u.doneInsteadRecorded() ? "; done instead: " + u.doneInstead() + " (" + staff.of(u.doneInsteadBy()) + ", "
                        + WHEN.format(u.doneInsteadAt().atZone(zone)) + ")" : "")));
        return lines;
    }

    byte[] reportPdf(ProcedureReport report) {
        return render("procedure/report-pdf", Map.of("report", report));
    }

    byte[] leafletPdf(ProcedureReport report) {
        return render("procedure/aftercare-pdf", Map.of("report", report));
    }

    private byte[] render(String template, Map<String, Object> model) {
        return pdf.render(template, model);
    }
}
