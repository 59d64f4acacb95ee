package org.synovia.patient.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.server.ResponseStatusException;
import org.synovia.patient.Patient;
import org.synovia.patient.PatientId;
import org.synovia.patient.PatientSearch;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Sex;
import org.synovia.shared.web.FormErrors;

@Controller
@RequestMapping("/patients")
@PreAuthorize("hasAnyRole('REFERRER', 'RADIOLOGIST', 'NURSE', 'BOOKING')")
class PatientController {

    private final Patients patients;

    PatientController(Patients patients) {
        this.patients = patients;
    }

    @ModelAttribute("sexes")
    Sex[] sexes() {
        return Sex.values();
    }

    @GetMapping
    String search(@RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "dob", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
            Model model) {
        PatientSearch search = new PatientSearch(text, dateOfBirth);
        model.addAttribute("q", search.text());
        model.addAttribute("dob", dateOfBirth);
        model.addAttribute("searched", !search.isEmpty());
        model.addAttribute("patients", patients.search(search));
        return "patient/search";
    }

    @GetMapping("/new")
    String newPatient(Model model) {
        model.addAttribute("patientForm", new PatientForm());
        return "patient/new";
    }

    @PostMapping
    String register(@ModelAttribute PatientForm patientForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "patient/new";
        }
        Registration registration;
        try {
            registration = patients.register(patientForm.toNewPatient(), patientForm.isConfirmedNotDuplicate());
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            return "patient/new";
        }
        return switch (registration) {
            case Registration.Registered registered -> {
                redirect.addFlashAttribute("notice", "Patient registered.");
                yield "redirect:/patients/" + registered.patient().id();
            }
            case Registration.AlreadyRegistered known -> {
                redirect.addFlashAttribute("notice", "This patient is already registered with " + known.identifier()
                        + ". Here is their record; nothing new was saved.");
                yield "redirect:/patients/" + known.existing().id();
            }
            case Registration.PossibleDuplicates duplicates -> {
                model.addAttribute("duplicates", duplicates.candidates());
                yield "patient/new";
            }
        };
    }

    @GetMapping("/{id}")
    String show(@PathVariable("id") PatientId id, Model model) {
        model.addAttribute("patient", registered(id));
        return "patient/show";
    }

    @GetMapping("/{id}/address")
    String address(@PathVariable("id") PatientId id, Model model) {
        Patient patient = registered(id);
        model.addAttribute("patient", patient);
        model.addAttribute("addressForm", AddressForm.of(patient.address()));
        return "patient/address";
    }

    @PostMapping("/{id}/address")
    String changeAddress(@PathVariable("id") PatientId id, @ModelAttribute AddressForm addressForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        try {
            patients.changeAddress(id, addressForm.toAddress().orElse(null));
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            model.addAttribute("patient", registered(id));
            return "patient/address";
        }
        redirect.addFlashAttribute("notice", "The postal address is saved.");
        return "redirect:/patients/" + id;
    }

    private Patient registered(PatientId id) {
        return patients.find(id).orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    }
}
