package org.synovia.scheduling.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.catalogue.Catalogue;
import org.synovia.scheduling.Operator;
import org.synovia.scheduling.OperatorGrade;
import org.synovia.scheduling.Room;
import org.synovia.scheduling.SessionException;
import org.synovia.scheduling.SessionTemplate;
import org.synovia.scheduling.Sessions;
import org.synovia.scheduling.web.SessionForms.ExceptionForm;
import org.synovia.scheduling.web.SessionForms.OperatorForm;
import org.synovia.scheduling.web.SessionForms.RoomForm;
import org.synovia.scheduling.web.SessionForms.TemplateForm;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.web.FormErrors;

@Controller
@RequestMapping("/sessions")
@PreAuthorize("hasAnyRole('ADMIN', 'BOOKING')")
class SessionsController {

    private static final String PAGE = "scheduling/sessions";

    private final Sessions sessions;
    private final Catalogue catalogue;

    SessionsController(Sessions sessions, Catalogue catalogue) {
        this.sessions = sessions;
        this.catalogue = catalogue;
    }

    @GetMapping
    String page(Model model) {
        return show(model);
    }

    @PostMapping("/rooms")
    String addRoom(@ModelAttribute RoomForm roomForm, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            Room room = sessions.addRoom(new Room(null, roomForm.getName(), roomForm.getLocation(), roomForm.getGuidance()));
            redirect.addFlashAttribute("notice", "Room " + room.name() + " added.");
            return "redirect:/sessions";
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            return show(model, result);
        }
    }

    @PostMapping("/operators")
    String addOperator(@ModelAttribute OperatorForm operatorForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            Operator operator = sessions.addOperator(new Operator(null, operatorForm.getUsername(),
                    operatorForm.getDisplayName(), operatorForm.getGrade(), operatorForm.getGuidance(),
                    operatorForm.getSiteCodes()));
            redirect.addFlashAttribute("notice", "Operator " + operator.displayName() + " added.");
            return "redirect:/sessions";
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            return show(model, result);
        }
    }

    @PostMapping("/templates")
    String addTemplate(@ModelAttribute TemplateForm templateForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return show(model, result);
        }
        try {
            sessions.addTemplate(new SessionTemplate(null, templateForm.getWeekday(), templateForm.getStart(),
                    templateForm.getEnd(), templateForm.getRoomId(), templateForm.getOperatorId(),
                    SessionTemplate.parsePattern(templateForm.getSlotPattern()), templateForm.isOneStop(),
                    templateForm.getValidFrom(), templateForm.getValidTo()));
            redirect.addFlashAttribute("notice", "Weekly session added and its slots made.");
            return "redirect:/sessions";
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            return show(model, result);
        }
    }

    @PostMapping("/exceptions")
    String addException(@ModelAttribute ExceptionForm exceptionForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return show(model, result);
        }
        try {
            int withdrawn = sessions.addException(new SessionException(null, exceptionForm.getKind(),
                    exceptionForm.getRoomId(), exceptionForm.getOperatorId(), exceptionForm.getFirstDay(),
                    exceptionForm.getLastDay(), exceptionForm.getReason()));
            redirect.addFlashAttribute("notice", "Exception recorded; " + withdrawn + " slots withdrawn.");
            return "redirect:/sessions";
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            return show(model, result);
        }
    }

    @PostMapping("/templates/{id}/end")
    String endTemplate(@PathVariable("id") UUID id,
            @RequestParam(name = "lastDay", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
            RedirectAttributes redirect) {
        try {
            int withdrawn = sessions.endTemplate(id, lastDay);
            redirect.addFlashAttribute("notice", "Session ends " + lastDay + "; " + withdrawn + " later slots withdrawn. "
                    + "Anyone booked into them is listed under Appointments to move.");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().message());
        }
        return "redirect:/sessions";
    }

    private String show(Model model, BindingResult failed) {
        model.addAttribute("openForm", failed.getObjectName());
        return show(model);
    }

    private String show(Model model) {
        model.addAttribute("rooms", sessions.rooms());
        model.addAttribute("operators", sessions.operators());
        model.addAttribute("templates", sessions.templates());
        model.addAttribute("exceptions", sessions.exceptions());
        model.addAttribute("roomNames", sessions.rooms().stream().collect(Collectors.toMap(Room::id, Room::name)));
        Map<UUID, String> operatorNames = sessions.operators().stream()
                .collect(Collectors.toMap(Operator::id, Operator::displayName));
        model.addAttribute("operatorNames", operatorNames);
        model.addAttribute("guidances", Guidance.values());
        model.addAttribute("grades", OperatorGrade.values());
        model.addAttribute("weekdays", java.time.DayOfWeek.values());
        model.addAttribute("kinds", SessionException.Kind.values());
        model.addAttribute("sites", catalogue.sites());
        model.addAttribute("siteNames", catalogue.sites().stream()
                .collect(Collectors.toMap(s -> s.code(), s -> s.name(), (a, b) -> a)));
        for (String form : new String[] {"roomForm", "operatorForm", "templateForm", "exceptionForm"}) {
            if (!model.containsAttribute(form)) {
                model.addAttribute(form, FORMS.get(form).get());
            }
        }
        return PAGE;
    }

    private static final Map<String, Supplier<Object>> FORMS = Map.of("roomForm", RoomForm::new,
            "operatorForm", OperatorForm::new, "templateForm", TemplateForm::new, "exceptionForm", ExceptionForm::new);
}
