package org.synovia.procedure.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.procedure.ProcedureRecord;
import org.synovia.procedure.ProcedurePages;
import org.synovia.procedure.ProcedureRecords;
import org.synovia.procedure.ProcedureReports;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.web.FormErrors;
import org.synovia.shared.web.FlashMessages;

/** The procedure record: a draft until signed, then read-only with its addenda. */
@Controller
@PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
class RecordController {
    private final ProcedureRecords procedureRecords;
    private final ProcedureReports procedureReports;
    private final ProcedurePages pages;
    private final ZoneId zone;

    RecordController(ProcedurePages pages, ProcedureRecords procedureRecords, ProcedureReports procedureReports, Clock clock) {
        this.pages = pages;
        this.procedureRecords = procedureRecords;
        this.procedureReports = procedureReports;
        this.zone = clock.getZone();
    }

    @GetMapping("/day/{appointmentId}/record")
    String record(@PathVariable("appointmentId") UUID appointmentId, Model model) {
        RecordForm form = new RecordForm();
        ProcedurePages.RecordPage page = pages.record(appointmentId);
        page.record().ifPresentOrElse(r -> fill(form, r), () -> {
            var entry = page.entry();
            form.setOperator(entry.operatorName());
            // Guidance and approach start from the accepted protocol: the team types only what changes (ADR 0084).
            page.acceptedProtocol().ifPresent(p -> {
                form.setGuidance(p.guidance());
                form.setApproach(p.approach());
            });
            // The drugs start from what the time-out checked, so the record differs only where the team changes it.
            var drugs = page.timeOutDrugs();
            for (int i = 0; i < drugs.size() && i < RecordForm.DRUG_ROWS; i++) {
                var row = form.getDrugs().get(i);
                row.setProduct(drugs.get(i).product());
                var mg = drugs.get(i).resolvedDoseMg();
                row.setDose(mg == null ? null : mg.toPlainString() + " mg");
                row.setVolumeMl(drugs.get(i).volumeMl());
                row.setSite(entry.procedure());
            }
        });
        model.addAttribute("recordForm", form);
        return page(page, model);
    }

    @PostMapping("/day/{appointmentId}/record")
    @PreAuthorize("hasRole('RADIOLOGIST')")
    String save(@PathVariable("appointmentId") UUID appointmentId, @ModelAttribute RecordForm recordForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(appointmentId, model);
        }
        try {
            procedureRecords.saveRecord(appointmentId, recordForm.toRecord());
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            if (procedureRecords.record(appointmentId).filter(ProcedureRecord::signed).isPresent()) {
                // The signed page has no form to show the message beside.
                model.addAttribute("problem", e.problems().getFirst().message());
            }
            return page(appointmentId, model);
        }
        redirect.addFlashAttribute("notice", "Record saved. Sign it after the sign-out.");
        return "redirect:/day/" + appointmentId + "/record";
    }

    @PostMapping("/day/{appointmentId}/record/sign")
    @PreAuthorize("hasRole('RADIOLOGIST')")
    String sign(@PathVariable("appointmentId") UUID appointmentId, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Record signed. It can no longer be changed; add an addendum if needed.",
                () -> procedureRecords.sign(appointmentId));
        return "redirect:/day/" + appointmentId + "/record";
    }

    @PostMapping("/day/{appointmentId}/record/addenda")
    String addendum(@PathVariable("appointmentId") UUID appointmentId,
            @RequestParam(name = "text", required = false) String text,
            @RequestParam(name = "reason", required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            procedureRecords.addAddendum(appointmentId, text, reason);
        }
        catch (InvalidInputException e) {
            model.addAttribute("addendumField", e.problems().getFirst().field());
            model.addAttribute("addendumError", e.problems().getFirst().message());
            return page(appointmentId, model);
        }
        redirect.addFlashAttribute("notice", "Addendum added.");
        return "redirect:/day/" + appointmentId + "/record";
    }

    /** A pain score at so many minutes after the injection; allowed after signing too (ADR 0015). */
    @PostMapping("/day/{appointmentId}/record/pain-scores")
    String painScore(@PathVariable("appointmentId") UUID appointmentId,
            @RequestParam(name = "minutesAfter", required = false) String minutesAfter,
            @RequestParam(name = "score", required = false) String score, Model model, RedirectAttributes redirect) {
        try {
            procedureRecords.addPainScore(appointmentId, number(minutesAfter, "minutesAfter"), number(score, "score"));
        }
        catch (InvalidInputException e) {
            model.addAttribute("painScoreErrors", e.problems().stream().collect(java.util.stream.Collectors.toMap(
                    InvalidInputException.FieldProblem::field, InvalidInputException.FieldProblem::message, (a, b) -> a)));
            return page(appointmentId, model);
        }
        redirect.addFlashAttribute("notice", "Pain score recorded.");
        return "redirect:/day/" + appointmentId + "/record";
    }

    private static Integer number(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        }
        catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Enter a whole number.");
        }
    }

    /** The report as sent: the latest version, or the one asked for (1 is the original). */
    @GetMapping(value = "/day/{appointmentId}/report.pdf", produces = "application/pdf")
    @org.springframework.web.bind.annotation.ResponseBody
    byte[] reportPdf(@PathVariable("appointmentId") UUID appointmentId,
            @RequestParam(name = "version", required = false) Integer version) {
        return procedureReports.reportPdf(appointmentId, version);
    }

    @GetMapping(value = "/day/{appointmentId}/aftercare.pdf", produces = "application/pdf")
    @org.springframework.web.bind.annotation.ResponseBody
    byte[] leafletPdf(@PathVariable("appointmentId") UUID appointmentId) {
        return procedureReports.leafletPdf(appointmentId);
    }

    private String page(UUID appointmentId, Model model) {
        return page(pages.record(appointmentId), model);
    }

    /** The record page, read in one transaction with one audit line for the patient (ADR 0115). */
    private String page(ProcedurePages.RecordPage page, Model model) {
        model.addAttribute("entry", page.entry());
        model.addAttribute("panel", page.panel());
        model.addAttribute("record", page.record().orElse(null));
        model.addAttribute("addenda", page.addenda());
        model.addAttribute("daySafetyLines", page.daySafetyLines());
        model.addAttribute("recordAgainstTimeOut", page.againstTimeOut());
        model.addAttribute("recordAgainstProtocol", page.againstProtocol());
        model.addAttribute("comparativeBlockLines", page.comparativeBlockLines());
        var pain = page.pain();
        model.addAttribute("pain", pain.orElse(null));
        model.addAttribute("painScoreMinutes", procedureRecords.suggestedPainScoreMinutes());
        // The form offers the first suggested minute not yet scored.
        model.addAttribute("nextPainScoreMinute", procedureRecords.suggestedPainScoreMinutes().stream()
                .filter(m -> pain.stream().flatMap(p -> p.scores().stream()).noneMatch(s -> s.minutesAfter() == m))
                .findFirst().orElse(null));
        model.addAttribute("reports", page.reports());
        if (!model.containsAttribute("painScoreErrors")) {
            model.addAttribute("painScoreErrors", java.util.Map.of());
        }
        model.addAttribute("guidances", Guidance.values());
        model.addAttribute("zone", zone);
        if (!model.containsAttribute("recordForm")) {
            model.addAttribute("recordForm", new RecordForm());
        }
        return "procedure/record";
    }

    private static void fill(RecordForm f, ProcedureRecord r) {
        f.setOperator(r.operator());
        f.setAssistant(r.assistant());
        f.setGuidance(r.guidance());
        f.setApproach(r.approach());
        f.setNeedle(r.needle());
        f.setAspirateMl(r.aspirateMl());
        f.setAspirateAppearance(r.aspirateAppearance());
        f.setAspirateSentFor(r.aspirateSentFor());
        for (int i = 0; i < r.drugs().size() && i < RecordForm.DRUG_ROWS; i++) {
            var d = r.drugs().get(i);
            var row = f.getDrugs().get(i);
            row.setProduct(d.product());
            row.setDose(d.dose());
            row.setVolumeMl(d.volumeMl());
            row.setBatch(d.batch());
            row.setExpiry(d.expiry());
            row.setRoute(d.route());
            row.setSite(d.site());
        }
        f.setContrastUsed(r.contrastUsed());
        f.setNeedleTipConfirmed(r.needleTipConfirmed());
        f.setKeyImages(r.keyImages());
        f.setStudyInstanceUid(r.studyInstanceUid());
        f.setDapGyCm2(r.dapGyCm2());
        f.setScreeningSeconds(r.screeningSeconds());
        f.setDlpMGyCm(r.dlpMGyCm());
        f.setCtdiVolMGy(r.ctdiVolMGy());
        f.setPainBefore(r.painBefore());
        f.setComplications(r.complications());
        f.setAftercareGiven(r.aftercareGiven());
    }
}
