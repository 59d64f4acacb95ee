package org.synovia.procedure;

import java.time.LocalDate;
import java.util.List;

/**
 * The structured report for the referrer: what was done, drugs with doses and batches, guidance and
 * radiation dose (IR(ME)R 2017 puts exposure information in the report, facts IR-02), the immediate
 * response, complications and the plan.
 */
public record ProcedureReport(String patientName, LocalDate dateOfBirth, String nhsNumber, LocalDate performedOn,
        String procedure, String operator, String technique, List<String> drugs, String dose, String response,
        String complications, String plan, boolean diabetic) {

    public ProcedureReport {
        drugs = List.copyOf(drugs);
    }

    /** The report as plain text, stored and used as the email body. */
    public String text() {
        StringBuilder t = new StringBuilder();
        t.append("Procedure report: ").append(patientName).append(", born ").append(dateOfBirth)
                .append(nhsNumber == null ? "" : ", NHS number " + nhsNumber).append('\n');
        t.append("Date: ").append(performedOn).append('\n');
        t.append("Procedure: ").append(procedure).append('\n');
        t.append("Operator: ").append(operator).append('\n');
        t.append("Technique: ").append(technique).append('\n');
        t.append("Drugs:\n");
        drugs.forEach(d -> t.append("- ").append(d).append('\n'));
        t.append("Radiation: ").append(dose).append('\n');
        t.append("Immediate response: ").append(response).append('\n');
        t.append("Complications: ").append(complications).append('\n');
        t.append("Plan: ").append(plan).append('\n');
        return t.toString();
    }
}
