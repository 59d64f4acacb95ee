package org.synovia.vetting.web;

import java.time.Clock;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.ReferralId;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.SafetyOverrides;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.web.FormErrors;
import org.synovia.vetting.Protocol;
import org.synovia.vetting.RejectionReason;
import org.synovia.vetting.Vetting;
import org.synovia.vetting.VettingReview;
import org.synovia.waitinglist.Priority;

@Controller
@RequestMapping("/vetting")
@PreAuthorize("hasRole('RADIOLOGIST')")
class VettingController {

    static final String[] OPERATOR_GRADES = {"CONSULTANT", "SPECIALTY_REGISTRAR", "SONOGRAPHER", "ADVANCED_PRACTITIONER"};

    private final Vetting vetting;
    private final Patients patients;
    private final org.synovia.catalogue.Catalogue catalogue;
    private final SafetyOverrides overrides;
    private final Clock clock;

    VettingController(Vetting vetting, Patients patients, org.synovia.catalogue.Catalogue catalogue,
            SafetyOverrides overrides, Clock clock) {
        this.overrides = overrides;
        this.clock = clock;
        this.vetting = vetting;
        this.patients = patients;
        this.catalogue = catalogue;
    }

    @GetMapping
    String queue(Model model) {
        List<VettingQueueRow> rows = vetting.queue().stream().map(r -> VettingQueueRow.of(r, clock.getZone())).toList();
        model.addAttribute("queue", rows);
        model.addAttribute("queueRows", VettingQueueRow.html(rows));
        return "vetting/queue";
    }

    @GetMapping("/{id}")
    String review(@PathVariable("id") ReferralId id, @RequestParam(name = "policySet", required = false) String policySet,
            Model model) {
        VettingReview review = vetting.review(id, policySet);
        return show(review, ProtocolForm.from(review.proposedProtocol(), review.policySet()), model);
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable("id") ReferralId id, @ModelAttribute("protocolForm") ProtocolForm form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                vetting.accept(id, form.toProtocol(), form.toAcceptance());
                redirect.addFlashAttribute("notice", "Accepted and added to the waiting list. The referrer has been told.");
                return "redirect:/vetting";
            }
            catch (InvalidInputException e) {
                FormErrors.bind(e, result);
                model.addAttribute("justificationErrors", e.problems().stream()
                        .filter(p -> p.field().startsWith("safetyJustifications["))
                        .collect(java.util.stream.Collectors.toMap(
                                p -> p.field().substring("safetyJustifications[".length(), p.field().length() - 1),
                                InvalidInputException.FieldProblem::message, (a, b) -> a)));
            }
        }
        Protocol edited;
        try {
            edited = form.toProtocol().validated();
        }
        catch (InvalidInputException ignored) {
            // the protocol's own problems are already shown beside its fields; check the proposed one instead
            edited = null;
        }
        return show(vetting.review(id, form.getPolicySet(), edited), form, model);
    }

    /** Re-runs the safety checks on the protocol as edited (htmx); nothing is saved. */
    @PostMapping("/{id}/safety")
    String recheck(@PathVariable("id") ReferralId id, @ModelAttribute("protocolForm") ProtocolForm form,
            BindingResult ignoredTypos, Model model) {
        try {
            model.addAttribute("safetyReview", vetting.recheck(id, form.toProtocol().validated()));
        }
        catch (InvalidInputException e) {
            model.addAttribute("safetyProblems", e.problems());
        }
        overridesOf(id, model);
        return "vetting/safety :: review";
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable("id") ReferralId id, @RequestParam(name = "reasonCode", required = false) RejectionReason reason,
            @RequestParam(name = "reasonText", required = false) String text, RedirectAttributes redirect) {
        try {
            vetting.reject(id, reason, text);
            redirect.addFlashAttribute("notice", "Rejected. The referrer has been told why.");
            return "redirect:/vetting";
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().message());
            return "redirect:/vetting/" + id;
        }
    }

    @PostMapping("/{id}/ask")
    String ask(@PathVariable("id") ReferralId id, @RequestParam(name = "question", required = false) String question,
            RedirectAttributes redirect) {
        try {
            vetting.askForInformation(id, question);
            redirect.addFlashAttribute("notice", "Question sent to the referrer. The referral returns here when they answer.");
            return "redirect:/vetting";
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().message());
            return "redirect:/vetting/" + id;
        }
    }

    private String show(VettingReview review, ProtocolForm form, Model model) {
        model.addAttribute("review", review);
        if (!model.containsAttribute("safetyReview")) {
            model.addAttribute("safetyReview", review.safety());
        }
        model.addAttribute("referral", review.referral());
        model.addAttribute("patient", patients.find(new PatientId(review.referral().details().patientId())).orElseThrow());
        model.addAttribute("protocolForm", form);
        model.addAttribute("guidances", Guidance.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("operatorGrades", OPERATOR_GRADES);
        model.addAttribute("rejectionReasons", RejectionReason.values());
        model.addAttribute("siteNames", catalogue.siteNames());
        model.addAttribute("injectates", java.util.Arrays.stream(InjectedAgent.values()).filter(a -> !a.localAnaesthetic()).toList());
        model.addAttribute("localAnaesthetics", java.util.Arrays.stream(InjectedAgent.values()).filter(InjectedAgent::localAnaesthetic).toList());
        overridesOf(review.referral().id(), model);
        return "vetting/review";
    }

    /** Overrides already recorded, beside their findings, and who may override a STOP (ADR 0035). */
    private void overridesOf(ReferralId id, Model model) {
        model.addAttribute("safetyOverrides", SafetyOverrides.byRule(overrides.forReferral(id.value())));
        model.addAttribute("stopOverrider", overrides.policy().whoMay());
        model.addAttribute("mayOverrideStops", overrides.mayOverrideStops());
    }
}
