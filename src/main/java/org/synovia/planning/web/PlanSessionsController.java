package org.synovia.planning.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.planning.Plans;
import org.synovia.planning.Plans.AcceptOutcome;
import org.synovia.planning.Plans.ProposedBooking;
import org.synovia.scheduling.Sessions;
import org.synovia.shared.InvalidInputException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The "Plan sessions" page: booking staff choose weeks and rooms, watch the planner improve (htmx polls the
 * progress every second), stop it, and book or send links for the placements they tick (ADR 0058).
 */
@Controller
@RequestMapping("/plan-sessions")
@PreAuthorize("hasRole('BOOKING')")
class PlanSessionsController {

    private static final String PAGE = "planning/plan";

    private final Plans plans;
    private final Sessions sessions;

    PlanSessionsController(Plans plans, Sessions sessions) {
        this.plans = plans;
        this.sessions = sessions;
    }

    @GetMapping
    String choose(Model model) {
        model.addAttribute("firstWeek", sessions.today().with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
        model.addAttribute("weeks", 2);
        model.addAttribute("chosenRooms", Set.of());
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("rooms", sessions.rooms());
        model.addAttribute("recent", plans.recent());
        return "planning/choose";
    }

    @PostMapping
    String start(@RequestParam(name = "firstWeek", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstWeek,
            @RequestParam(name = "weeks", required = false, defaultValue = "0") int weeks,
            @RequestParam(name = "roomIds", required = false) List<UUID> roomIds, Model model) {
        try {
            return "redirect:/plan-sessions/" + plans.start(firstWeek, weeks, roomIds == null ? List.of() : roomIds);
        }
        catch (InvalidInputException e) {
            model.addAttribute("problem", e.problems().stream().map(InvalidInputException.FieldProblem::message)
                    .collect(Collectors.joining(" ")));
            model.addAttribute("firstWeek", firstWeek);
            model.addAttribute("weeks", weeks);
            model.addAttribute("chosenRooms", roomIds == null ? Set.of() : Set.copyOf(roomIds));
            return form(model);
        }
    }

    @GetMapping("/{runId}")
    String run(@PathVariable("runId") UUID runId, Model model, RedirectAttributes redirect) {
        Plans.RunStatus status;
        try {
            status = plans.status(runId);
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().message());
            return "redirect:/plan-sessions";
        }
        model.addAttribute("status", status);
        if (status.finished() && status.failure() == null) {
            Plans.Proposal proposal = plans.proposal(runId);
            model.addAttribute("proposal", proposal);
            model.addAttribute("calendar", calendar(proposal.placements(), proposal.first(), proposal.last()));
        }
        return PAGE;
    }

    /** The progress box alone, for htmx; once the run has ended the whole page is reloaded to show the proposal. */
    @GetMapping("/{runId}/progress")
    String progress(@PathVariable("runId") UUID runId, Model model, HttpServletResponse response) {
        Plans.RunStatus status = plans.status(runId);
        if (status.finished()) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("status", status);
        return PAGE + " :: progress";
    }

    @PostMapping("/{runId}/stop")
    String stop(@PathVariable("runId") UUID runId, RedirectAttributes redirect) {
        plans.stop(runId);
        redirect.addFlashAttribute("notice", "Stopping: the best plan found so far is shown in a moment.");
        return "redirect:/plan-sessions/" + runId;
    }

    @PostMapping("/{runId}/accept")
    String accept(@PathVariable("runId") UUID runId, @RequestParam(name = "referralIds", required = false) List<UUID> referralIds,
            @RequestParam(name = "action", required = false, defaultValue = "book") String action, RedirectAttributes redirect) {
        try {
            List<AcceptOutcome> outcomes = "links".equals(action) ? plans.sendLinks(runId, referralIds)
                    : plans.accept(runId, referralIds);
            long done = outcomes.stream().filter(AcceptOutcome::done).count();
            long refused = outcomes.size() - done;
            String what = "links".equals(action) ? " booking links are being emailed." : " booked; letters are being emailed.";
            redirect.addFlashAttribute("notice", done + " of " + outcomes.size() + what
                    + (refused > 0 ? " " + refused + " could not be: see the reason beside each." : ""));
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().message());
        }
        return "redirect:/plan-sessions/" + runId;
    }

    /** One week of the calendar: its days (weekdays, and a weekend day only when something is planned on it) by room. */
    record CalendarWeek(LocalDate monday, List<LocalDate> days, List<CalendarRow> rows) {
    }

    /** One room's row: the placements of each day, in the order of {@code days}. */
    record CalendarRow(String room, List<List<ProposedBooking>> cells) {
    }

    static List<CalendarWeek> calendar(List<ProposedBooking> placements, LocalDate first, LocalDate last) {
        List<CalendarWeek> weeks = new ArrayList<>();
        for (LocalDate monday = first.with(DayOfWeek.MONDAY); !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            LocalDate weekStart = monday;
            List<ProposedBooking> inWeek = placements.stream().filter(p -> !p.start().toLocalDate().isBefore(weekStart)
                    && p.start().toLocalDate().isBefore(weekStart.plusWeeks(1))).toList();
            List<LocalDate> days = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                LocalDate day = monday.plusDays(d);
                boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (!weekend || inWeek.stream().anyMatch(p -> p.start().toLocalDate().equals(day))) {
                    days.add(day);
                }
            }
            Map<String, List<ProposedBooking>> byRoom = inWeek.stream()
                    .collect(Collectors.groupingBy(ProposedBooking::roomName, java.util.TreeMap::new, Collectors.toList()));
            List<CalendarRow> rows = new ArrayList<>();
            byRoom.forEach((room, list) -> rows.add(new CalendarRow(room, days.stream()
                    .map(day -> list.stream().filter(p -> p.start().toLocalDate().equals(day)).toList()).toList())));
            weeks.add(new CalendarWeek(monday, days, rows));
        }
        return weeks;
    }
}
