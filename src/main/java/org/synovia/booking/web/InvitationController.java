package org.synovia.booking.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.synovia.booking.Appointment;
import org.synovia.booking.Bookings;
import org.synovia.shared.InvalidInputException;

/**
 * The patient chooses their own slot from the link in their email, without signing in: only the dates,
 * times and places that suit their vetted request, and nothing clinical.
 */
@Controller
class InvitationController {

    static final int OFFERS = 12;

    private final Bookings bookings;

    InvitationController(Bookings bookings) {
        this.bookings = bookings;
    }

    @GetMapping("/choose-appointment/{token}")
    String offers(@PathVariable("token") String token, Model model) {
        return page(token, model);
    }

    @PostMapping("/choose-appointment/{token}")
    String choose(@PathVariable("token") String token, @RequestParam(name = "slotId", required = false) UUID slotId,
            Model model) {
        try {
            Appointment appointment = bookings.bookByInvitation(token, slotId);
            model.addAttribute("booked", appointment);
            model.addAttribute("slot", bookings.slot(appointment).orElseThrow());
            model.addAttribute("zone", bookings.zone());
            return "booking/choose";
        }
        catch (InvalidInputException e) {
            model.addAttribute("problem", e.problems().getFirst().message());
            return page(token, model);
        }
    }

    private String page(String token, Model model) {
        bookings.invitationOffers(token, OFFERS).ifPresent(search -> model.addAttribute("search", search));
        bookings.invitationCost(token).ifPresent(cost -> model.addAttribute("cost", cost));
        model.addAttribute("token", token);
        return "booking/choose";
    }
}
