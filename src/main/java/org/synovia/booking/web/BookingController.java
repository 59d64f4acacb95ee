package org.synovia.booking.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.booking.Appointment;
import org.synovia.booking.AppointmentCursor;
import org.synovia.booking.AppointmentListPage;
import org.synovia.booking.BookedProcedure;
import org.synovia.booking.BookingDesk;
import org.synovia.booking.BookingInvitations;
import org.synovia.booking.Bookings;
import org.synovia.booking.DatedSlotSearch;
import org.synovia.booking.DeskCalendar;
import org.synovia.booking.FreedSlots;
import org.synovia.booking.SlotFinder;
import org.synovia.catalogue.Catalogue;
import org.synovia.catalogue.ProcedurePrices;
import org.synovia.patient.PatientId;
import org.synovia.patient.Patients;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.Referrals;
import org.synovia.safety.SafetyOverrides;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.web.FlashMessages;
import org.synovia.vetting.Vetting;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;

@Controller
@PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
class BookingController {

    static final int OFFERS = 12;

    private final Bookings bookings;
    private final SlotFinder slotFinder;
    private final FreedSlots freedSlots;
    private final DeskCalendar calendar;
    private final BookingInvitations invitations;
    private final BookingDesk desk;
    private final Referrals referrals;
    private final Patients patients;
    private final Catalogue catalogue;
    private final SafetyOverrides overrides;
    private final Vetting vetting;
    private final WaitingList waitingList;
    private final ProcedurePrices prices;

    BookingController(Bookings bookings, SlotFinder slotFinder, FreedSlots freedSlots, DeskCalendar calendar,
            BookingInvitations invitations, BookingDesk desk, Referrals referrals, Patients patients, Catalogue catalogue,
            SafetyOverrides overrides, Vetting vetting, WaitingList waitingList, ProcedurePrices prices) {
        this.waitingList = waitingList;
        this.prices = prices;
        this.overrides = overrides;
        this.vetting = vetting;
        this.bookings = bookings;
        this.slotFinder = slotFinder;
        this.freedSlots = freedSlots;
        this.calendar = calendar;
        this.invitations = invitations;
        this.desk = desk;
        this.referrals = referrals;
        this.patients = patients;
        this.catalogue = catalogue;
    }

    /** The earliest suitable slots for a waiting patient, or their appointment when they have one. */
    @GetMapping("/bookings/referral/{referralId}")
    String offers(@PathVariable("referralId") UUID referralId,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            Model model) {
        var active = bookings.forReferral(referralId).stream().filter(Appointment::active).findFirst();
        if (active.isPresent()) {
            return "redirect:/appointments/" + active.get().id();
        }
        return offersPage(referralId, null, from, model);
    }

    @PostMapping("/bookings/referral/{referralId}")
    @PreAuthorize("hasRole('BOOKING')")
    String book(@PathVariable("referralId") UUID referralId, @RequestParam(name = "slotId", required = false) UUID slotId,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            Model model, RedirectAttributes redirect) {
        try {
            Appointment appointment = desk.book(referralId, slotId);
            redirect.addFlashAttribute("notice", "Booked. The appointment letter is being emailed to the patient.");
            return "redirect:/appointments/" + appointment.id();
        }
        catch (InvalidInputException e) {
            model.addAttribute("problem", e.problems().getFirst().message());
            return offersPage(referralId, null, from, model);
        }
    }

    /**
     * Overrides a STOP that refuses every slot of an accepted referral (its facts changed since vetting):
     * only the role and grade the clinic names may, with a reason (ADR 0035).
     */
    @PostMapping("/bookings/referral/{referralId}/override")
    @PreAuthorize("hasRole('RADIOLOGIST')")
    String overrideStop(@PathVariable("referralId") UUID referralId, @RequestParam(name = "ruleId", required = false) String ruleId,
            @RequestParam(name = "start", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
            @RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, ruleId + " overridden; the slots it refused are offered again.",
                () -> vetting.overrideStop(new ReferralId(referralId), ruleId, start, reason));
        return "redirect:/bookings/referral/" + referralId;
    }

    @PostMapping("/bookings/referral/{referralId}/invite")
    @PreAuthorize("hasRole('BOOKING')")
    String invite(@PathVariable("referralId") UUID referralId, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "A link to choose their own slot is being emailed to the patient.",
                () -> invitations.invite(referralId));
        return "redirect:/bookings/referral/" + referralId;
    }

    @GetMapping("/appointments/{id}")
    String appointment(@PathVariable("id") UUID id, Model model) {
        Appointment appointment = bookings.appointment(id);
        describe(appointment.referralId(), model);
        model.addAttribute("appointment", appointment);
        model.addAttribute("slot", bookings.slot(appointment).orElseThrow());
        model.addAttribute("history", bookings.history(id));
        model.addAttribute("zone", bookings.zone());
        return "booking/appointment";
    }

    @GetMapping("/appointments/{id}/move")
    String moveOffers(@PathVariable("id") UUID id,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            Model model) {
        Appointment appointment = bookings.appointment(id);
        return offersPage(appointment.referralId(), appointment, from, model);
    }

    @PostMapping("/appointments/{id}/move")
    @PreAuthorize("hasRole('BOOKING')")
    String move(@PathVariable("id") UUID id, @RequestParam(name = "slotId", required = false) UUID slotId,
            @RequestParam(name = "reason", required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            Appointment moved = desk.reschedule(id, slotId, reason);
            redirect.addFlashAttribute("notice", "Appointment moved. A new letter is being emailed to the patient.");
            return "redirect:/appointments/" + moved.id();
        }
        catch (InvalidInputException e) {
            model.addAttribute("problem", e.problems().getFirst().message());
            Appointment appointment = bookings.appointment(id);
            return offersPage(appointment.referralId(), appointment, null, model);
        }
    }

    @PostMapping("/appointments/{id}/cancel")
    @PreAuthorize("hasRole('BOOKING')")
    String cancel(@PathVariable("id") UUID id, @RequestParam(name = "reason", required = false) String reason,
            Model model, RedirectAttributes redirect) {
        try {
            desk.cancel(id, reason);
            redirect.addFlashAttribute("notice", "Appointment cancelled; the patient is back on the waiting list.");
        }
        catch (InvalidInputException e) {
            InvalidInputException.FieldProblem problem = e.problems().getFirst();
            if ("reason".equals(problem.field())) {
                model.addAttribute("reasonError", problem.message());
                return appointment(id, model);
            }
            redirect.addFlashAttribute("problem", problem.message());
        }
        return "redirect:/appointments/" + id;
    }

    @PostMapping("/appointments/{id}/did-not-attend")
    @PreAuthorize("hasAnyRole('BOOKING', 'NURSE')")
    String didNotAttend(@PathVariable("id") UUID id, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Marked as did not attend; the patient is back on the waiting list.",
                () -> desk.didNotAttend(id));
        return "redirect:/appointments/" + id;
    }

    @GetMapping("/appointments")
    String list(@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "all", defaultValue = "false") boolean all,
            @RequestParam(name = "position", defaultValue = "1") int position, Model model) {
        LocalDate first = from == null ? bookings.today() : from;
        LocalDate last = to == null || to.isBefore(first) ? first.plusWeeks(2) : to;
        model.addAttribute("from", first);
        model.addAttribute("to", last);
        // 50 a page (ADR 0116); "all" is the whole period at once, for printing the list of a day.
        List<BookedProcedure> shown;
        if (all) {
            shown = calendar.appointmentList(first, last);
            model.addAttribute("pages", AppointmentPages.all(first, last, shown.size()));
        }
        else {
            AppointmentListPage page = calendar.appointmentPage(first, last, AppointmentCursor.parse(after));
            shown = page.appointments();
            model.addAttribute("pages", AppointmentPages.of(first, last, after == null ? 1 : Math.max(1, position),
                    shown.size(), page.total(), page.next(), after != null));
        }
        List<AppointmentRow> rows = shown.stream().map(a -> AppointmentRow.of(a, bookings.zone())).toList();
        model.addAttribute("appointments", rows);
        model.addAttribute("appointmentRows", AppointmentRow.html(rows));
        model.addAttribute("needingNewSlot", calendar.needingNewSlot());
        model.addAttribute("zone", bookings.zone());
        return "booking/list";
    }

    /** Slots given back by cancellations and moves, with the waiting patients each suits. */
    @GetMapping("/freed-slots")
    @PreAuthorize("hasRole('BOOKING')")
    String freed(Model model) {
        model.addAttribute("freed", freedSlots.freedSlots(5));
        return "booking/freed";
    }

    private String offersPage(UUID referralId, Appointment moving, LocalDate from, Model model) {
        describe(referralId, model);
        model.addAttribute("zone", bookings.zone());
        model.addAttribute("moving", moving);
        try {
            DatedSlotSearch dated = slotFinder.searchFrom(referralId, OFFERS, from);
            model.addAttribute("dated", dated);
            model.addAttribute("search", dated.search());
        }
        catch (InvalidInputException e) {
            model.addAttribute("problem", e.problems().getFirst().message());
        }
        return "booking/offers";
    }

    private void describe(UUID referralId, Model model) {
        Referral referral = referrals.show(new ReferralId(referralId));
        model.addAttribute("overrides", overrides.forReferral(referralId));
        model.addAttribute("stopOverrider", overrides.policy().whoMay());
        model.addAttribute("mayOverrideStops", overrides.mayOverrideStops());
        model.addAttribute("referral", referral);
        model.addAttribute("patient", patients.find(new PatientId(referral.details().patientId())).orElseThrow());
        model.addAttribute("site", catalogue.site(referral.details().siteCode()).orElseThrow());
        // Funding before the slot: its state, and the price a self-paying or insured patient is told (ADR 0072).
        WaitingListEntry listed = waitingList.entry(referralId).orElse(null);
        model.addAttribute("listed", listed);
        model.addAttribute("price", listed == null ? null
                : prices.priceOf(listed.siteCode(), listed.guidance()).map(p -> p.price()).orElse(null));
    }
}
