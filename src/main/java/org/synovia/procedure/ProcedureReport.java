package org.synovia.procedure;

import java.time.LocalDate;
import java.util.List;

/**
 * The structured report for the referrer: what was done, drugs with doses and batches, guidance and
 * radiation dose (IR(ME)R 2017 puts exposure information in the report, facts IR-02), the immediate
 * response with each timed pain score, complications and the plan. An amended report is the same content
 * with the addenda after it, each with who, when and why.
 *
 * @param title "Procedure report", or "Amended report" when addenda follow
 * @param painScores one line per timed score after the injection, with its relief
 * @param amendments the addenda, oldest first, each as "who, when: text (why: reason)"
 * @param daySafety what sign-in measured, the safety check at sign-in and time-out with each decision, and the
 *        urgent pathway with what was done instead, one line each; empty for records made before they were kept
 * @param comparativeBlocks this diagnostic block read with the same target's previous one (ADR 0038); empty when
 *        there is none
 * @param signature who signed the record and when, as people read them; null for a report built before signing
 */
public record ProcedureReport(String title, String patientName, LocalDate dateOfBirth, String nhsNumber,
        LocalDate performedOn, String procedure, String operator, String technique, List<String> drugs, String dose,
        List<String> painScores, String response, String complications, String plan, boolean diabetic,
        List<String> amendments, List<String> daySafety, List<String> comparativeBlocks, Signature signature) {

    static final String ORIGINAL_TITLE = "Procedure report";
    static final String AMENDED_TITLE = "Amended report";

    public ProcedureReport {
        drugs = List.copyOf(drugs);
        painScores = List.copyOf(painScores);
        amendments = List.copyOf(amendments);
        daySafety = List.copyOf(daySafety == null ? List.of() : daySafety);
        comparativeBlocks = List.copyOf(comparativeBlocks == null ? List.of() : comparativeBlocks);
    }

    public ProcedureReport(String title, String patientName, LocalDate dateOfBirth, String nhsNumber, LocalDate performedOn,
            String procedure, String operator, String technique, List<String> drugs, String dose, List<String> painScores,
            String response, String complications, String plan, boolean diabetic, List<String> amendments,
            List<String> daySafety, List<String> comparativeBlocks) {
        this(title, patientName, dateOfBirth, nhsNumber, performedOn, procedure, operator, technique, drugs, dose,
                painScores, response, complications, plan, diabetic, amendments, daySafety, comparativeBlocks, null);
    }

    public ProcedureReport(String title, String patientName, LocalDate dateOfBirth, String nhsNumber, LocalDate performedOn,
            String procedure, String operator, String technique, List<String> drugs, String dose, List<String> painScores,
            String response, String complications, String plan, boolean diabetic, List<String> amendments,
            List<String> daySafety) {
        this(title, patientName, dateOfBirth, nhsNumber, performedOn, procedure, operator, technique, drugs, dose,
                painScores, response, complications, plan, diabetic, amendments, daySafety, List.of());
    }

    public ProcedureReport(String title, String patientName, LocalDate dateOfBirth, String nhsNumber, LocalDate performedOn,
            String procedure, String operator, String technique, List<String> drugs, String dose, List<String> painScores,
            String response, String complications, String plan, boolean diabetic, List<String> amendments) {
        this(title, patientName, dateOfBirth, nhsNumber, performedOn, procedure, operator, technique, drugs, dose,
                painScores, response, complications, plan, diabetic, amendments, List.of(), List.of(), null);
    }

    /**
     * Who signed and when, as printed at the foot of the report.
     *
     * @param signatory full name, grade and registration with its register ("Dr Ngozi Okafor, Consultant, GMC 1234567")
     * @param signedAt the signing time as people read it ("Tuesday 12 January 2027, 09:40")
     */
    public record Signature(String signatory, String signedAt) {
    }

    public boolean amended() {
        return !amendments.isEmpty();
    }

    /** The report as plain text, stored and used as the email body. */
    public String text() {
        StringBuilder t = new StringBuilder();
        t.append(title).append(": ").append(patientName).append(", born ").append(ReportDocuments.DATE_OF_BIRTH.format(dateOfBirth))
                .append(nhsNumber == null ? "" : ", NHS number " + nhsNumber).append('\n');
        t.append("Date: ").append(ReportDocuments.DAY.format(performedOn)).append('\n');
        t.append("Procedure: ").append(procedure).append('\n');
        t.append("Operator: ").append(operator).append('\n');
        t.append("Technique: ").append(technique).append('\n');
        daySafety.forEach(line -> t.append(line).append('\n'));
        t.append("Drugs:\n");
        drugs.forEach(d -> t.append("- ").append(d).append('\n'));
        t.append("Radiation: ").append(dose).append('\n');
        painScores.forEach(p -> t.append("Pain after: ").append(p).append('\n'));
        t.append("Immediate response: ").append(response).append('\n');
        if (!comparativeBlocks.isEmpty()) {
            t.append("Comparative blocks:\n");
            comparativeBlocks.forEach(c -> t.append("- ").append(c).append('\n'));
        }
        t.append("Complications: ").append(complications).append('\n');
        t.append("Plan: ").append(plan).append('\n');
        if (amended()) {
            t.append("Addenda (the record above is unchanged):\n");
            amendments.forEach(a -> t.append("- ").append(a).append('\n'));
        }
        if (signature != null) {
            t.append("Signed by ").append(signature.signatory()).append(", ").append(signature.signedAt()).append('\n');
        }
        return t.toString();
    }

    /** One version of the report as stored and sent: 1 at signing, then one per addendum. */
    public record Sent(int version, String text, java.time.Instant writtenAt, String sentTo) {

        public String title() {
            return version == 1 ? ORIGINAL_TITLE : AMENDED_TITLE + " (version " + version + ")";
        }
    }
}
