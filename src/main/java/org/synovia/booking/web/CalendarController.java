package org.synovia.booking.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.synovia.booking.Bookings;
import org.synovia.booking.DeskCalendar;
import org.synovia.shared.CurrentUser;
import org.synovia.waitinglist.WaitingList;

/**
 * The week by room: every slot free, booked or withdrawn, with previous and next week; opened for one waiting patient,
 * its free slots book that patient (through the same checks as the list of offers).
 */
@Controller
@PreAuthorize("hasAnyRole('BOOKING', 'ADMIN', 'RADIOLOGIST', 'NURSE')")
class CalendarController {

    private final Bookings bookings;
    private final DeskCalendar calendar;
    private final WaitingList waitingList;

    CalendarController(Bookings bookings, DeskCalendar calendar, WaitingList waitingList) {
        this.bookings = bookings;
        this.calendar = calendar;
        this.waitingList = waitingList;
    }

    @GetMapping("/bookings/calendar")
    String week(@RequestParam(name = "week", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
            @RequestParam(name = "referral", required = false) UUID referralId, Model model) {
        LocalDate monday = (week == null ? bookings.today() : week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        model.addAttribute("calendar", calendar.week(monday));
        model.addAttribute("today", bookings.today());
        model.addAttribute("mayBook", CurrentUser.hasRole("BOOKING"));
        if (referralId != null) {
            waitingList.entry(referralId).ifPresent(entry -> model.addAttribute("booking", entry));
        }
        return "booking/calendar";
    }
}
