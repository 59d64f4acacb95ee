package org.synovia.booking.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.synovia.booking.Appointment;
import org.synovia.booking.Bookings;
import org.synovia.booking.PatientLinks;
import org.synovia.shared.InvalidInputException;

/**
 * The patient's own page, opened from the link in their letter email without signing in: when and where,
 * and a way to cancel. It shows no clinical details; the unguessable link is the only credential.
 */
@Controller
class PatientLinkController {

    private final Bookings bookings;
    private final PatientLinks patientLinks;
    PatientLinkController(Bookings bookings, PatientLinks patientLinks) {
        this.bookings = bookings;
        this.patientLinks = patientLinks;
    }

    @GetMapping("/my-appointment/{token}")
    String show(@PathVariable("token") String token, Model model) {
        return page(token, model);
    }

    @PostMapping("/my-appointment/{token}/cancel")
    String cancel(@PathVariable("token") String token, @RequestParam(name = "reason", required = false) String reason,
            Model model) {
        try {
            Appointment cancelled = patientLinks.cancelByPatient(token, reason);
            model.addAttribute("cancelled", cancelled);
            model.addAttribute("slot", bookings.slot(cancelled).orElseThrow());
            model.addAttribute("zone", bookings.zone());
            return "booking/patient";
        }
        catch (InvalidInputException e) {
            model.addAttribute("problem", e.problems().getFirst().message());
            return page(token, model);
        }
    }

    private String page(String token, Model model) {
        patientLinks.byPatientLink(token).ifPresent(a -> {
            model.addAttribute("appointment", a);
            model.addAttribute("slot", bookings.slot(a).orElseThrow());
        });
        model.addAttribute("token", token);
        model.addAttribute("zone", bookings.zone());
        return "booking/patient";
    }
}
