package org.synovia.booking.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.synovia.booking.Bookings;
import org.synovia.booking.SessionCancellations;
import org.synovia.booking.SessionCancellations.PatientOutcome;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/**
 * One session's list (printable), and calling the whole session off: cancel every appointment with a reason, then
 * rebook each patient into the next slot that suits them, all at once or one by one, with a report of each.
 */
@Controller
@PreAuthorize("hasAnyRole('BOOKING', 'ADMIN', 'NURSE', 'RADIOLOGIST')")
class SessionController {

    private final SessionCancellations cancellations;
    private final Bookings bookings;

    SessionController(SessionCancellations cancellations, Bookings bookings) {
        this.cancellations = cancellations;
        this.bookings = bookings;
    }

    @GetMapping("/bookings/session/{templateId}/{day}")
    String session(@PathVariable("templateId") UUID templateId,
            @PathVariable("day") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        var session = cancellations.sessionList(templateId, day);
        if (!session.exists()) {
            throw new InvalidInputException("templateId", "There is no such session on that day.");
        }
        // Not "session": Thymeleaf keeps that name for the HTTP session.
        model.addAttribute("sessionList", session);
        model.addAttribute("mayCancel", CurrentUser.hasRole("BOOKING"));
        model.addAttribute("zone", bookings.zone());
        return "booking/session";
    }

    @PostMapping("/bookings/session/{templateId}/{day}/cancel")
    @PreAuthorize("hasRole('BOOKING')")
    String cancel(@PathVariable("templateId") UUID templateId,
            @PathVariable("day") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(name = "reason", required = false) String reason, Model model) {
        List<PatientOutcome> cancelled;
        try {
            cancelled = cancellations.cancelSession(templateId, day, reason);
        }
        catch (InvalidInputException e) {
            model.addAttribute("reasonError", e.problems().getFirst().message());
            model.addAttribute("reason", reason);
            return session(templateId, day, model);
        }
        model.addAttribute("cancelled", cancelled);
        return proposals(cancelled.stream().filter(PatientOutcome::done).map(PatientOutcome::referralId).toList(), model);
    }

    /** The next suitable slot for each of these patients, to accept together or one by one. */
    @GetMapping("/bookings/rebook")
    @PreAuthorize("hasRole('BOOKING')")
    String rebookPage(@RequestParam(name = "referral", required = false) List<UUID> referralIds, Model model) {
        return proposals(referralIds == null ? List.of() : referralIds, model);
    }

    /**
     * Books the ticked proposals ({@code accept}), or only the one whose button was pressed ({@code only}); the slot of
     * each comes with its referral, in the same order.
     */
    @PostMapping("/bookings/rebook")
    @PreAuthorize("hasRole('BOOKING')")
    String rebook(@RequestParam(name = "referral", required = false) List<UUID> referralIds,
            @RequestParam(name = "slot", required = false) List<UUID> slotIds,
            @RequestParam(name = "accept", required = false) List<UUID> accepted,
            @RequestParam(name = "only", required = false) UUID only,
            @RequestParam(name = "unplaced", required = false) List<UUID> unplaced, Model model) {
        List<UUID> referrals = referralIds == null ? List.of() : referralIds;
        List<UUID> slots = slotIds == null ? List.of() : slotIds;
        if (referrals.size() != slots.size()) {
            throw new InvalidInputException("slot", "Each patient needs the slot proposed for them; open the page again.");
        }
        Map<UUID, UUID> chosen = new LinkedHashMap<>();
        for (int i = 0; i < referrals.size(); i++) {
            boolean wanted = only != null ? only.equals(referrals.get(i)) : accepted != null && accepted.contains(referrals.get(i));
            if (wanted) {
                chosen.put(referrals.get(i), slots.get(i));
            }
        }
        if (chosen.isEmpty()) {
            model.addAttribute("problem", "Tick at least one patient to book, or use the Book button of one.");
            List<UUID> all = new ArrayList<>(referrals);
            if (unplaced != null) {
                all.addAll(unplaced);
            }
            return proposals(all, model);
        }
        List<PatientOutcome> booked = cancellations.rebook(chosen);
        model.addAttribute("booked", booked);
        List<UUID> remaining = new ArrayList<>(referrals);
        if (unplaced != null) {
            remaining.addAll(unplaced);
        }
        booked.stream().filter(PatientOutcome::done).map(PatientOutcome::referralId).forEach(remaining::remove);
        return proposals(remaining, model);
    }

    private String proposals(List<UUID> referralIds, Model model) {
        model.addAttribute("proposals", cancellations.proposals(referralIds));
        model.addAttribute("zone", bookings.zone());
        return "booking/rebook";
    }
}
