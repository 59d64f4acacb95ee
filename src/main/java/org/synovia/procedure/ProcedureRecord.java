package org.synovia.procedure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

/**
 * What was done, as recorded by the operator. Radiation dose is recorded per facts IR-01..03: dose-area
 * product and screening time under X-ray, DLP and CTDIvol under CT. Once {@code signedAt} is set the record
 * never changes (the database refuses it too); later changes are {@link Addendum addenda}.
 */
public record ProcedureRecord(String operator, String assistant, Guidance guidance, String approach, String needle,
        BigDecimal aspirateMl, String aspirateAppearance, String aspirateSentFor, List<DrugGiven> drugs,
        boolean contrastUsed, boolean needleTipConfirmed, int keyImages, String studyInstanceUid, BigDecimal dapGyCm2,
        Integer screeningSeconds, BigDecimal dlpMGyCm, BigDecimal ctdiVolMGy, int painBefore,
        String complications, boolean aftercareGiven, Instant savedAt, String savedBy,
        Instant signedAt, String signedBy) {

    public ProcedureRecord {
        drugs = List.copyOf(drugs);
    }

    public boolean signed() {
        return signedAt != null;
    }

    /** The pain response read from the score before and the timed scores after (recorded apart, {@link PainScore}). */
    public PainResponse painResponse(List<PainScore> scores, ReliefThresholds thresholds) {
        return new PainResponse(painBefore, scores, thresholds);
    }

    /**
     * The draft to store from what was entered, saved by {@code savedBy} at {@code savedAt}: texts stripped, optional
     * fields left empty stored as absent, so the record and report say nothing of them.
     */
    ProcedureRecord asDraft(Instant savedAt, String savedBy) {
        return new ProcedureRecord(operator.strip(), ProcedureDay.optional(assistant), guidance, ProcedureDay.optional(approach),
                needle.strip(), aspirateMl, ProcedureDay.optional(aspirateAppearance), ProcedureDay.optional(aspirateSentFor),
                drugs, contrastUsed, needleTipConfirmed, keyImages, ProcedureDay.optional(studyInstanceUid), dapGyCm2,
                screeningSeconds, dlpMGyCm, ctdiVolMGy, painBefore, complications.strip(), aftercareGiven, savedAt, savedBy,
                null, null);
    }

    /** Every problem with the record as entered, each beside its field; an expired batch is refused (HAZ-40). */
    static void check(ProcedureRecord r, LocalDate procedureDay) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(r.operator())) {
            problems.add(new FieldProblem("operator", "Name the operator."));
        }
        if (r.guidance() == null) {
            problems.add(new FieldProblem("guidance", "Choose the guidance used."));
        }
        if (blank(r.needle())) {
            problems.add(new FieldProblem("needle", "Give the needle, e.g. 22G 90 mm spinal."));
        }
        if (r.aspirateMl() != null && (r.aspirateMl().signum() < 0 || r.aspirateMl().compareTo(new BigDecimal("500")) > 0)) {
            problems.add(new FieldProblem("aspirateMl", "Enter an aspirate volume between 0 and 500 mL."));
        }
        if (r.drugs().isEmpty()) {
            problems.add(new FieldProblem("drugs[0].product", "Record each drug given."));
        }
        for (int i = 0; i < r.drugs().size(); i++) {
            DrugGiven d = r.drugs().get(i);
            String at = "drugs[" + i + "].";
            if (blank(d.product())) {
                problems.add(new FieldProblem(at + "product", "Name the product."));
            }
            if (blank(d.dose())) {
                problems.add(new FieldProblem(at + "dose", "Give the dose with its unit, e.g. 40 mg."));
            }
            if (d.volumeMl() == null || d.volumeMl().signum() <= 0 || d.volumeMl().compareTo(new BigDecimal("30")) > 0) {
                problems.add(new FieldProblem(at + "volumeMl", "Enter a volume between 0 and 30 mL."));
            }
            if (blank(d.batch())) {
                problems.add(new FieldProblem(at + "batch", "Record the batch number."));
            }
            if (d.expiry() == null) {
                problems.add(new FieldProblem(at + "expiry", "Record the expiry date."));
            }
            else if (d.expiry().isBefore(procedureDay)) {
                problems.add(new FieldProblem(at + "expiry", "This batch expired on " + d.expiry() + ". Do not use it; "
                        + "take a batch in date and record that one."));
            }
            if (blank(d.route())) {
                problems.add(new FieldProblem(at + "route", "Give the route, e.g. intra-articular."));
            }
            if (blank(d.site())) {
                problems.add(new FieldProblem(at + "site", "Give the site injected."));
            }
        }
        if (r.keyImages() < 0) {
            problems.add(new FieldProblem("keyImages", "Enter the number of key images."));
        }
        if (r.guidance() == Guidance.FLUOROSCOPY) {
            if (r.dapGyCm2() == null || r.dapGyCm2().signum() < 0) {
                problems.add(new FieldProblem("dapGyCm2", "Record the dose-area product in Gy·cm² (IR(ME)R, facts IR-03)."));
            }
            if (r.screeningSeconds() == null || r.screeningSeconds() < 0) {
                problems.add(new FieldProblem("screeningSeconds", "Record the screening time in seconds (facts IR-03)."));
            }
        }
        if (r.guidance() == Guidance.CT) {
            if (r.dlpMGyCm() == null || r.dlpMGyCm().signum() < 0) {
                problems.add(new FieldProblem("dlpMGyCm", "Record the DLP in mGy·cm (IR(ME)R, facts IR-03)."));
            }
            if (r.ctdiVolMGy() == null || r.ctdiVolMGy().signum() < 0) {
                problems.add(new FieldProblem("ctdiVolMGy", "Record the CTDIvol in mGy (facts IR-03)."));
            }
        }
        if (r.painBefore() < 0 || r.painBefore() > 10) {
            problems.add(new FieldProblem("painBefore", "Enter the pain score before, 0 to 10."));
        }
        if (r.complications() == null || r.complications().isBlank()) {
            problems.add(new FieldProblem("complications", "Record immediate complications, or write none."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A later change to a signed record: what, why, who and when. */
    public record Addendum(java.util.UUID id, String text, String reason, Instant addedAt, String addedBy) {
    }
}
