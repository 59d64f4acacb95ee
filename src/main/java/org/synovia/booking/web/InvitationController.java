package org.synovia.booking.web;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.synovia.booking.Appointment;
import org.synovia.booking.BookingInvitations;
import org.synovia.booking.Bookings;
import org.synovia.shared.InvalidInputException;

/**
 * The patient chooses their own slot from the link in their email, without signing in: only the dates,
 * times and places that suit their vetted request, and nothing clinical. Choosing shows what they are about to book
 * (when, where, how to prepare); only "Confirm" books. While the link lives they may change or cancel what they booked.
 */
@Controller
class InvitationController {

    static final int OFFERS = 12;

    private final Bookings bookings;
    private final BookingInvitations invitations;
    InvitationController(Bookings bookings, BookingInvitations invitations) {
        this.bookings = bookings;
        this.invitations = invitations;
    }

    @GetMapping("/choose-appointment/{token}")
    String offers(@PathVariable("token") String token, Model model) {
        return page(token, model);
    }

    /** The second step: the chosen slot with its preparation, and a Confirm button. Nothing is booked yet. */
    @GetMapping("/choose-appointment/{token}/confirm")
    String confirm(@PathVariable("token") String token, @RequestParam(name = "slotId", required = false) UUID slotId,
            Model model) {
        var chosen = invitations.invitationChoice(token, slotId);
        if (chosen.isEmpty()) {
            model.addAttribute("problem", "That appointment is no longer free, or this link does not offer it. Please choose another.");
            return page(token, model);
        }
        model.addAttribute("chosen", chosen.get());
        model.addAttribute("changing", invitations.bookedByInvitation(token).isPresent());
        model.addAttribute("token", token);
        return "booking/choose-confirm";
    }

    @PostMapping("/choose-appointment/{token}")
    String choose(@PathVariable("token") String token, @RequestParam(name = "slotId", required = false) UUID slotId,
            Model model) {
        return booking(token, "Booked: ", () -> invitations.bookByInvitation(token, slotId), model);
    }

    @PostMapping("/choose-appointment/{token}/change")
    String change(@PathVariable("token") String token, @RequestParam(name = "slotId", required = false) UUID slotId,
            Model model) {
        return booking(token, "Changed: your appointment is now ", () -> invitations.changeByInvitation(token, slotId), model);
    }

    @PostMapping("/choose-appointment/{token}/cancel")
    String cancel(@PathVariable("token") String token, @RequestParam(name = "reason", required = false) String reason,
            Model model) {
        return act(token, "cancelled", null, () -> invitations.cancelByInvitation(token, reason), model);
    }

    private String booking(String token, String what, Supplier<Appointment> action, Model model) {
        return act(token, "booked", what, action, model);
    }

    /**
     * Books, moves or cancels as the patient asked and shows the appointment under {@code shownAs}, or shows the link's
     * page with the problem.
     */
    private String act(String token, String shownAs, String what, Supplier<Appointment> action, Model model) {
        try {
            Appointment appointment = action.get();
            model.addAttribute(shownAs, appointment);
            model.addAttribute("bookedWhat", what);
            model.addAttribute("slot", bookings.slot(appointment).orElseThrow());
            model.addAttribute("zone", bookings.zone());
            model.addAttribute("token", token);
            return "booking/choose";
        }
        catch (InvalidInputException e) {
            model.addAttribute("problem", e.problems().getFirst().message());
            return page(token, model);
        }
    }

    private String page(String token, Model model) {
        var offers = invitations.invitationOffers(token, OFFERS);
        if (offers.isPresent()) {
            model.addAttribute("search", offers.get());
        }
        else {
            invitations.bookedByInvitation(token).ifPresent(appointment -> {
                model.addAttribute("current", appointment);
                model.addAttribute("slot", bookings.slot(appointment).orElseThrow());
                invitations.invitationChangeOffers(token).ifPresent(search -> model.addAttribute("search", search));
            });
        }
        model.addAttribute("zone", bookings.zone());
        invitations.invitationCost(token).ifPresent(cost -> model.addAttribute("cost", cost));
        model.addAttribute("token", token);
        return "booking/choose";
    }
}
