package org.synovia.procedure.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.synovia.booking.AppointmentCursor;
import org.synovia.procedure.ChecklistStep;
import org.synovia.procedure.DayList;
import org.synovia.procedure.DayListEntry;
import org.synovia.procedure.DayListPage;
import org.synovia.procedure.ProcedurePages;
import org.synovia.procedure.VisitStatus;
import org.synovia.procedure.Visits;
import org.synovia.procedure.Checklists;
import org.synovia.procedure.Consents;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.web.FormErrors;
import org.synovia.shared.web.FlashMessages;

@Controller
@PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
class DayListController {
    private final Visits visits;
    private final Checklists checklists;
    private final Consents consents;
    private final Clock clock;
    private final org.synovia.dicom.ImagingProgress imaging;
    private final TransactionTemplate transactions;
    private final ProcedurePages pages;

    DayListController(Visits visits, Checklists checklists, Consents consents, Clock clock,
            org.synovia.dicom.ImagingProgress imaging,
            TransactionTemplate transactions, ProcedurePages pages) {
        this.transactions = transactions;
        this.pages = pages;
        this.visits = visits;
        this.checklists = checklists;
        this.consents = consents;
        this.clock = clock;
        this.imaging = imaging;
    }

    /**
     * The day list, for all rooms or one room or one operator; the choices are the day's own rooms and operators.
     * 50 patients a page in time order, or the whole list at once to print (ADR 0119).
     */
    @GetMapping("/day")
    String dayList(@RequestParam(name = "date", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(name = "roomId", required = false) UUID roomId,
            @RequestParam(name = "operatorId", required = false) UUID operatorId,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "all", defaultValue = "false") boolean all,
            @RequestParam(name = "position", defaultValue = "1") int position, Model model) {
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        AppointmentCursor cursor = AppointmentCursor.parse(after, "the day list");
        // One transaction for the page: its reads and their audit lines commit once, so the page waits for one
        // durable commit (and the audit chain's lock once), not one per façade (ADR 0091).
        transactions.executeWithoutResult(status -> {
            if (all) {
                fillAll(model, day, roomId, operatorId);
            }
            else {
                fillPage(model, day, roomId, operatorId, cursor, cursor == null ? 1 : Math.max(1, position));
            }
        });
        model.addAttribute("date", day);
        model.addAttribute("roomId", roomId);
        model.addAttribute("operatorId", operatorId);
        return "procedure/day";
    }

    private void fillPage(Model model, LocalDate day, UUID roomId, UUID operatorId, AppointmentCursor after, int position) {
        DayListPage page = visits.dayPage(day, roomId, operatorId, after);
        model.addAttribute("rooms", page.rooms());
        model.addAttribute("operators", page.operators());
        show(model, page.list().entries(), page.list());
        model.addAttribute("pages", DayListPages.of(day, roomId, operatorId, position, page.list().entries().size(),
                page.total(), page.next(), after != null));
    }

    private void fillAll(Model model, LocalDate day, UUID roomId, UUID operatorId) {
        DayList dayList = visits.day(day);
        Map<UUID, String> rooms = new LinkedHashMap<>();
        Map<UUID, String> operators = new LinkedHashMap<>();
        dayList.entries().forEach(e -> {
            rooms.put(e.roomId(), e.roomName());
            operators.put(e.operatorId(), e.operatorName());
        });
        model.addAttribute("rooms", rooms);
        model.addAttribute("operators", operators);
        List<DayListEntry> shown = dayList.in(roomId, operatorId);
        show(model, shown, dayList);
        model.addAttribute("pages", DayListPages.all(shown.size()));
    }

    private void show(Model model, List<DayListEntry> shown, DayList read) {
        model.addAttribute("entries", shown);
        // What the machines reported through MPPS beside the patient's own progress, and funding beside each patient:
        // a patient not cleared is not injected (ADR 0072).
        model.addAttribute("dayRows", DayListRow.html(shown,
                imaging.byAppointment(shown.stream().map(DayListEntry::appointmentId).toList()), read.fundingByReferral()));
    }

    @GetMapping("/day/{appointmentId}")
    String visit(@PathVariable("appointmentId") UUID appointmentId, Model model) {
        model.addAttribute("checkInForm", new CheckInForm());
        return visitPage(appointmentId, model);
    }

    @PostMapping("/day/{appointmentId}/check-in")
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    String checkIn(@PathVariable("appointmentId") UUID appointmentId, @ModelAttribute CheckInForm checkInForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return visitPage(appointmentId, model);
        }
        try {
            visits.checkIn(appointmentId, checkInForm.toCheck());
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            return visitPage(appointmentId, model);
        }
        redirect.addFlashAttribute("notice", "Checked in: identity confirmed.");
        return "redirect:/day/" + appointmentId;
    }

    @PostMapping("/day/{appointmentId}/into-room")
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    String intoRoom(@PathVariable("appointmentId") UUID appointmentId, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "The patient is in the room.", () -> visits.intoRoom(appointmentId));
        return "redirect:/day/" + appointmentId;
    }

    /** Confirms one checklist step; the server refuses a skipped step, an unticked item or an open discrepancy. */
    @PostMapping("/day/{appointmentId}/checklist/{step}")
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    String confirm(@PathVariable("appointmentId") UUID appointmentId, @PathVariable("step") ChecklistStep step,
            @RequestParam(name = "items", required = false) List<String> items, Model model,
            RedirectAttributes redirect) {
        try {
            checklists.confirm(appointmentId, step, items == null ? java.util.Set.of() : java.util.Set.copyOf(items));
        }
        catch (InvalidInputException e) {
            model.addAttribute("itemsError", e.problems().getFirst().message());
            model.addAttribute("checkInForm", new CheckInForm());
            return visitPage(appointmentId, model);
        }
        redirect.addFlashAttribute("notice", step.label() + " confirmed.");
        return "redirect:/day/" + appointmentId;
    }

    /**
     * Confirms the time-out with the drugs about to be given (ADR 0043); a finding that holds it shows on the page
     * with its decision form, and the drugs stay as typed.
     */
    @PostMapping("/day/{appointmentId}/checklist/TIME_OUT")
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    String timeOut(@PathVariable("appointmentId") UUID appointmentId, @ModelAttribute TimeOutForm timeOutForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("checkInForm", new CheckInForm());
        if (result.hasErrors()) {
            model.addAttribute("itemsError", "Correct the drugs about to be given.");
            return visitPage(appointmentId, model);
        }
        try {
            checklists.confirmTimeOut(appointmentId, java.util.Set.copyOf(timeOutForm.getItems() == null ? List.of()
                    : timeOutForm.getItems()), timeOutForm.rows());
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            model.addAttribute("itemsError", e.problems().stream().filter(p -> p.field().equals("items")).findFirst()
                    .map(InvalidInputException.FieldProblem::message).orElse("Correct the drugs about to be given."));
            return visitPage(appointmentId, model);
        }
        redirect.addFlashAttribute("notice", ChecklistStep.TIME_OUT.label() + " confirmed.");
        return "redirect:/day/" + appointmentId;
    }

    @PostMapping("/day/{appointmentId}/discrepancies")
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    String raise(@PathVariable("appointmentId") UUID appointmentId,
            @RequestParam(name = "description", required = false) String description, Model model,
            RedirectAttributes redirect) {
        try {
            checklists.raiseDiscrepancy(appointmentId, description);
        }
        catch (InvalidInputException e) {
            model.addAttribute("descriptionError", e.problems().getFirst().message());
            model.addAttribute("checkInForm", new CheckInForm());
            return visitPage(appointmentId, model);
        }
        redirect.addFlashAttribute("problem", "Discrepancy recorded: the procedure stops until it is resolved.");
        return "redirect:/day/" + appointmentId;
    }

    @PostMapping("/day/{appointmentId}/discrepancies/{discrepancyId}/resolve")
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    String resolve(@PathVariable("appointmentId") UUID appointmentId, @PathVariable("discrepancyId") UUID discrepancyId,
            @RequestParam(name = "resolution", required = false) String resolution, Model model,
            RedirectAttributes redirect) {
        try {
            checklists.resolveDiscrepancy(appointmentId, discrepancyId, resolution);
        }
        catch (InvalidInputException e) {
            model.addAttribute("resolutionError", e.problems().getFirst().message());
            model.addAttribute("resolutionFor", discrepancyId);
            model.addAttribute("checkInForm", new CheckInForm());
            return visitPage(appointmentId, model);
        }
        redirect.addFlashAttribute("notice", "Discrepancy resolved.");
        return "redirect:/day/" + appointmentId;
    }

    /** Records the patient's agreement to the text the page showed (its hash comes back with the form). */
    @PostMapping("/day/{appointmentId}/consent")
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    String consent(@PathVariable("appointmentId") UUID appointmentId,
            @RequestParam(name = "sha256", required = false) String sha256,
            @RequestParam(name = "agreed", defaultValue = "false") boolean agreed, Model model, RedirectAttributes redirect) {
        try {
            consents.recordConsent(appointmentId, sha256, agreed);
        }
        catch (InvalidInputException e) {
            model.addAttribute("agreedError", e.problems().getFirst().message());
            model.addAttribute("checkInForm", new CheckInForm());
            return visitPage(appointmentId, model);
        }
        redirect.addFlashAttribute("notice", "Consent recorded.");
        return "redirect:/day/" + appointmentId;
    }

    /** Records that the patient refused, or withdrew, consent; the procedure stops there. */
    @PostMapping("/day/{appointmentId}/consent/refusal")
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    String refuseConsent(@PathVariable("appointmentId") UUID appointmentId,
            @RequestParam(name = "sha256", required = false) String sha256,
            @RequestParam(name = "reason", required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            var refusal = consents.refuseConsent(appointmentId, sha256, reason);
            redirect.addFlashAttribute("problem", refusal.kind().label() + ": the procedure is stopped.");
        }
        catch (InvalidInputException e) {
            model.addAttribute("reasonError", e.problems().getFirst().message());
            model.addAttribute("checkInForm", new CheckInForm());
            return visitPage(appointmentId, model);
        }
        return "redirect:/day/" + appointmentId;
    }

    /** Records what sign-in measured; the engine's answer with these values shows at once, before the step. */
    @PostMapping("/day/{appointmentId}/observations")
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    String observations(@PathVariable("appointmentId") UUID appointmentId, @ModelAttribute ObservationsForm observationsForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("checkInForm", new CheckInForm());
        if (result.hasErrors()) {
            return visitPage(appointmentId, model);
        }
        try {
            checklists.recordObservations(appointmentId, observationsForm.getTemperatureCelsius(),
                    observationsForm.getCapillaryGlucoseMmolPerL(), observationsForm.getSystolicMmHg(),
                    observationsForm.getDiastolicMmHg(), observationsForm.getInr(), observationsForm.getInrTakenAt(),
                    observationsForm.getTargetHot(), observationsForm.getTargetSwollen(), observationsForm.getTargetRed());
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            return visitPage(appointmentId, model);
        }
        redirect.addFlashAttribute("notice", "Observations recorded: the safety check below uses them.");
        return "redirect:/day/" + appointmentId + "#day-safety-heading";
    }

    /** A radiologist's decision, with a reason, on a finding of the sign-in or time-out safety check. */
    @PostMapping("/day/{appointmentId}/safety/{step}/{ruleId}")
    @PreAuthorize("hasRole('RADIOLOGIST')")
    String decide(@PathVariable("appointmentId") UUID appointmentId, @PathVariable("step") ChecklistStep step,
            @PathVariable("ruleId") String ruleId,
            @RequestParam(name = "decision", required = false) org.synovia.procedure.DaySafetyCheck.Decision.Kind decision,
            @RequestParam(name = "reason", required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            checklists.decide(appointmentId, step, ruleId, decision, reason);
        }
        catch (InvalidInputException e) {
            model.addAttribute("decisionError", e.problems().getFirst().message());
            model.addAttribute("decisionFor", step.name() + ruleId);
            model.addAttribute("checkInForm", new CheckInForm());
            return visitPage(appointmentId, model);
        }
        redirect.addFlashAttribute("notice", "Decision recorded for " + ruleId + ".");
        return "redirect:/day/" + appointmentId;
    }

    /** What was done instead of the injection on the urgent pathway. */
    @PostMapping("/day/{appointmentId}/urgent-pathway")
    @PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE')")
    String doneInstead(@PathVariable("appointmentId") UUID appointmentId,
            @RequestParam(name = "doneInstead", required = false) String doneInstead, Model model,
            RedirectAttributes redirect) {
        try {
            checklists.recordDoneInstead(appointmentId, doneInstead);
        }
        catch (InvalidInputException e) {
            model.addAttribute("doneInsteadError", e.problems().getFirst().message());
            model.addAttribute("checkInForm", new CheckInForm());
            return visitPage(appointmentId, model);
        }
        redirect.addFlashAttribute("notice", "Recorded what was done instead.");
        return "redirect:/day/" + appointmentId;
    }

    /** The visit page, read in one transaction with one audit line for the patient (ADR 0115). */
    private String visitPage(UUID appointmentId, Model model) {
        ProcedurePages.VisitPage page = pages.visit(appointmentId);
        model.addAttribute("entry", page.entry());
        model.addAttribute("panel", page.panel());
        model.addAttribute("zone", clock.getZone());
        if (page.clinical()) {
            model.addAttribute("checklist", page.checklist());
            model.addAttribute("daySafety", page.daySafety());
            if (!model.containsAttribute("timeOutForm")) {
                model.addAttribute("timeOutForm", TimeOutForm.startingFrom(page.daySafety().timeOutDrugs()));
            }
            model.addAttribute("agents", org.synovia.safety.InjectedAgent.values());
            if (!model.containsAttribute("observationsForm")) {
                model.addAttribute("observationsForm", new ObservationsForm());
            }
            page.refusal().ifPresent(r -> model.addAttribute("refusal", r));
            page.consent().ifPresent(given -> model.addAttribute("consent", given));
            if (page.consentDocument() != null) {
                model.addAttribute("consentDocument", page.consentDocument());
            }
        }
        return "procedure/visit";
    }
}
