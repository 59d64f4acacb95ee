package org.synovia.referral.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.synovia.account.UserAccounts;
import org.synovia.catalogue.Catalogue;
import org.synovia.catalogue.InjectionSite;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.AllergyCategory;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.Indication;
import org.synovia.referral.Intent;
import org.synovia.referral.PregnancyPossibility;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralFilter;
import org.synovia.referral.ReferralSafety;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.ReferrerSetting;
import org.synovia.referral.Referrals;
import org.synovia.referral.RequestedInjectate;
import org.synovia.referral.TreatmentKind;
import org.synovia.referral.Urgency;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.SafetyOverrides;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Laterality;
import org.synovia.shared.web.FormErrors;
import org.synovia.shared.web.FlashMessages;

@Controller
@RequestMapping("/referrals")
@PreAuthorize("hasAnyRole('REFERRER', 'RADIOLOGIST', 'NURSE', 'BOOKING')")
class ReferralController {

    private final Referrals referrals;
    private final Patients patients;
    private final Catalogue catalogue;
    private final UserAccounts accounts;
    private final ReferralSafety safety;
    private final SafetyOverrides overrides;
    private final Clock clock;

    ReferralController(Referrals referrals, Patients patients, Catalogue catalogue, UserAccounts accounts,
            ReferralSafety safety, SafetyOverrides overrides, Clock clock) {
        this.overrides = overrides;
        this.clock = clock;
        this.referrals = referrals;
        this.patients = patients;
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.safety = safety;
    }

    /**
     * The form's choices. Added by the pages that draw the form only, not as a model attribute method of every
     * request: the list drew none of it but its filter's four, and paid for the map of sites by region and a second
     * security check on this controller each time (ADR 0118).
     */
    private void vocabulary(Model model) {
        Map<String, List<InjectionSite>> sitesByRegion = new LinkedHashMap<>();
        catalogue.sites().forEach(site -> sitesByRegion.computeIfAbsent(site.region(), r -> new ArrayList<>()).add(site));
        model.addAttribute("sitesByRegion", sitesByRegion);
        model.addAttribute("sites", catalogue.sites());
        model.addAttribute("lateralities", Laterality.values());
        model.addAttribute("intents", Intent.values());
        model.addAttribute("indications", Indication.values());
        model.addAttribute("treatmentKinds", TreatmentKind.values());
        model.addAttribute("antithromboticDrugs", Antithrombotic.values());
        model.addAttribute("frequencies", DoseFrequency.values());
        model.addAttribute("allergyCategories", AllergyCategory.values());
        model.addAttribute("diabetesTypes", DiabetesType.values());
        model.addAttribute("pregnancyOptions", java.util.Arrays.stream(PregnancyPossibility.values())
                .filter(p -> p != PregnancyPossibility.NOT_RECORDED).toList()); // the form always asks
        model.addAttribute("yesNoUnknown", org.synovia.shared.YesNoUnknown.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("siteNames", catalogue.siteNames());
        model.addAttribute("injectates", RequestedInjectate.values());
        model.addAttribute("referrerSettings", ReferrerSetting.values());
    }

    @GetMapping
    String list(@RequestParam(name = "status", required = false) ReferralStatus status,
            @RequestParam(name = "site", required = false) String siteCode,
            @RequestParam(name = "urgency", required = false) Urgency urgency,
            @RequestParam(name = "intent", required = false) Intent intent,
            @RequestParam(name = "patient", required = false) String patientText, Model model) {
        ReferralFilter filter = new ReferralFilter(status, siteCode, urgency, intent, patientText);
        model.addAttribute("filter", filter);
        List<ReferralRow> rows = referrals.list(filter).stream().map(r -> ReferralRow.of(r, clock.getZone())).toList();
        boolean ownOnly = !(CurrentUser.hasRole("RADIOLOGIST") || CurrentUser.hasRole("NURSE")
                || CurrentUser.hasRole("BOOKING"));
        model.addAttribute("referrals", rows);
        model.addAttribute("referralRows", ReferralRow.html(rows, !ownOnly));
        model.addAttribute("filterOptions", ReferralFilterOptions.of(filter, catalogue.sites()));
        model.addAttribute("ownOnly", ownOnly);
        return "referral/list";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('REFERRER')")
    String newReferral(@RequestParam("patientId") PatientId patientId, Model model) {
        ReferralForm form = new ReferralForm();
        form.setPatientId(patientId.value());
        accounts.find(CurrentUser.username()).ifPresent(me -> {
            form.setReferrerName(me.displayName());
            form.setReferrerOrganisation(me.organisation());
            form.setReferrerEmail(me.email());
        });
        model.addAttribute("referralForm", form);
        model.addAttribute("formAction", "/referrals");
        return showForm(form, model);
    }

    @GetMapping("/{id}/amend")
    @PreAuthorize("hasAnyRole('REFERRER', 'RADIOLOGIST')")
    String amendForm(@PathVariable("id") ReferralId id, Model model) {
        ReferralForm form = ReferralForm.from(referrals.show(id).details());
        model.addAttribute("referralForm", form);
        model.addAttribute("formAction", "/referrals/" + id + "/amend");
        model.addAttribute("amending", true);
        return showForm(form, model);
    }

    @PostMapping("/{id}/amend")
    @PreAuthorize("hasAnyRole('REFERRER', 'RADIOLOGIST')")
    String amend(@PathVariable("id") ReferralId id, @ModelAttribute ReferralForm referralForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        referralForm.dropBlankRows();
        if (!result.hasErrors()) {
            try {
                referrals.amend(id, referralForm.toDetails(), referralForm.getAmendmentReason());
                redirect.addFlashAttribute("notice", "Referral updated; the safety checks were run again.");
                return "redirect:/referrals/" + id;
            }
            catch (InvalidInputException e) {
                FormErrors.bind(e, result);
            }
        }
        referralForm.padRows();
        model.addAttribute("formAction", "/referrals/" + id + "/amend");
        model.addAttribute("amending", true);
        return showForm(referralForm, model);
    }

    /**
     * "Add another target" and "Remove" on a new referral: the form comes back with one target row more or
     * less, nothing saved and nothing checked yet, so the form works without JavaScript.
     */
    @PostMapping(params = {"addTarget"})
    @PreAuthorize("hasRole('REFERRER')")
    String addTarget(@ModelAttribute ReferralForm referralForm, BindingResult ignoredUntilSubmitted, Model model) {
        referralForm.addTarget();
        model.addAttribute("formAction", "/referrals");
        return showForm(referralForm, model);
    }

    @PostMapping(params = {"removeTarget"})
    @PreAuthorize("hasRole('REFERRER')")
    String removeTarget(@ModelAttribute ReferralForm referralForm, BindingResult ignoredUntilSubmitted,
            @RequestParam("removeTarget") int index, Model model) {
        referralForm.removeTarget(index);
        model.addAttribute("formAction", "/referrals");
        return showForm(referralForm, model);
    }

    @PostMapping(path = "/{id}/amend", params = {"addTarget"})
    @PreAuthorize("hasAnyRole('REFERRER', 'RADIOLOGIST')")
    String addTargetWhileAmending(@PathVariable("id") ReferralId id, @ModelAttribute ReferralForm referralForm,
            BindingResult ignoredUntilSubmitted, Model model) {
        referralForm.addTarget();
        model.addAttribute("formAction", "/referrals/" + id + "/amend");
        model.addAttribute("amending", true);
        return showForm(referralForm, model);
    }

    @PostMapping(path = "/{id}/amend", params = {"removeTarget"})
    @PreAuthorize("hasAnyRole('REFERRER', 'RADIOLOGIST')")
    String removeTargetWhileAmending(@PathVariable("id") ReferralId id, @ModelAttribute ReferralForm referralForm,
            BindingResult ignoredUntilSubmitted, @RequestParam("removeTarget") int index, Model model) {
        referralForm.removeTarget(index);
        model.addAttribute("formAction", "/referrals/" + id + "/amend");
        model.addAttribute("amending", true);
        return showForm(referralForm, model);
    }

    @PostMapping
    @PreAuthorize("hasRole('REFERRER')")
    String submit(@ModelAttribute ReferralForm referralForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (referralForm.getSubmissionKey() == null) {
            throw new InvalidInputException("submissionKey", "is missing or not valid; reload the form and submit again");
        }
        referralForm.dropBlankRows();
        if (!result.hasErrors()) {
            try {
                Referral referral = referrals.submit(referralForm.getSubmissionKey(), referralForm.toDetails());
                redirect.addFlashAttribute("notice", "Referral submitted. It will be vetted by a radiologist.");
                return "redirect:/referrals/" + referral.id();
            }
            catch (InvalidInputException e) {
                FormErrors.bind(e, result);
            }
        }
        referralForm.padRows();
        model.addAttribute("formAction", "/referrals");
        return showForm(referralForm, model);
    }

    private String showForm(ReferralForm form, Model model) {
        vocabulary(model);
        if (form.getPatientId() != null) {
            patients.find(new PatientId(form.getPatientId())).ifPresent(p -> model.addAttribute("patient", p));
        }
        return "referral/form";
    }

    @GetMapping("/{id}")
    String show(@PathVariable("id") ReferralId id, Model model) {
        Referral referral = referrals.show(id);
        model.addAttribute("referral", referral);
        model.addAttribute("patient", patients.find(new PatientId(referral.details().patientId())).orElseThrow());
        model.addAttribute("site", catalogue.site(referral.details().siteCode()).orElseThrow());
        model.addAttribute("siteNames", catalogue.siteNames());
        model.addAttribute("questions", referrals.informationRequests(id));
        model.addAttribute("safety", safety.assess(referral.details()));
        model.addAttribute("safetyOverrides", SafetyOverrides.byRule(overrides.forReferral(id.value())));
        model.addAttribute("amendments", referrals.amendments(id));
        model.addAttribute("amendable", referral.status() == ReferralStatus.SUBMITTED || referral.status() == ReferralStatus.IN_VETTING
                || referral.status() == ReferralStatus.MORE_INFORMATION_REQUESTED);
        model.addAttribute("currentUsername", CurrentUser.username());
        return "referral/show";
    }

    /**
     * The safety checks of the form as it is being filled (htmx, on every change). Nothing is saved; the
     * same checks run again on the stored referral.
     */
    @PostMapping("/safety-preview")
    @PreAuthorize("hasRole('REFERRER')")
    String safetyPreview(@ModelAttribute ReferralForm referralForm, BindingResult ignoredTypos, Model model) {
        referralForm.dropBlankRows();
        ReferralDetails details = referralForm.toDetails();
        boolean complete = details.patientId() != null && catalogue.site(details.siteCode()).isPresent()
                && details.laterality() != null && details.intent() != null && details.diabetes() != null
                && details.pregnancy() != null && details.requestedInjectate() != null
                && details.antithrombotics().stream().allMatch(m -> m.drug() != null && m.frequency() != null)
                && details.additionalTargets().stream().allMatch(t -> catalogue.site(t.siteCode()).isPresent()
                        && t.laterality() != null && t.requestedInjectate() != null);
        SafetyAssessment assessment = null;
        if (complete) {
            try {
                assessment = safety.assess(details);
            }
            catch (InvalidInputException e) {
                model.addAttribute("safetyProblem", e.problems().getFirst().message());
            }
        }
        model.addAttribute("safety", assessment);
        return "safety/assessment :: assessment(a=${safety})";
    }

    @PostMapping("/{id}/answer")
    @PreAuthorize("hasRole('REFERRER')")
    String answer(@PathVariable("id") ReferralId id, @RequestParam(name = "answer", required = false) String answer,
            RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Answer sent. The referral is back with the radiologist.",
                () -> referrals.answerInformation(id, answer));
        return "redirect:/referrals/" + id;
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@PathVariable("id") ReferralId id, @RequestParam(name = "reason", required = false) String reason,
            RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Referral withdrawn.", () -> referrals.withdraw(id, reason));
        return "redirect:/referrals/" + id;
    }
}
