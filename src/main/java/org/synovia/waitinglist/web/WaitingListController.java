package org.synovia.waitinglist.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.catalogue.Catalogue;
import org.synovia.safety.SafetyOverride;
import org.synovia.safety.SafetyOverrides;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.Guidance;
import org.synovia.waitinglist.Priority;
import org.synovia.waitinglist.WaitingList;
import org.synovia.waitinglist.WaitingListEntry;
import org.synovia.waitinglist.WaitingListCursor;
import org.synovia.waitinglist.WaitingListFilter;
import org.synovia.waitinglist.WaitingListPage;
import org.synovia.waitinglist.WaitingListProperties;
import org.synovia.shared.web.FlashMessages;

import static org.synovia.shared.web.CsvCells.cell;

@Controller
@PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
class WaitingListController {

    private final WaitingList waitingList;
    private final WaitingListProperties properties;
    private final Catalogue catalogue;
    private final Clock clock;
    private final SafetyOverrides overrides;

    WaitingListController(WaitingList waitingList, WaitingListProperties properties, Catalogue catalogue, Clock clock,
            SafetyOverrides overrides) {
        this.overrides = overrides;
        this.waitingList = waitingList;
        this.properties = properties;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/waiting-list")
    String list(@RequestParam(name = "guidance", required = false) Guidance guidance,
            @RequestParam(name = "site", required = false) String site,
            @RequestParam(name = "grade", required = false) String grade,
            @RequestParam(name = "priority", required = false) Priority priority,
            @RequestParam(name = "after", required = false) String after,
            @RequestParam(name = "position", defaultValue = "1") int position, CsrfToken csrf, Model model) {
        WaitingListFilter filter = new WaitingListFilter(guidance, site, grade, priority);
        WaitingListPage page = waitingList.page(filter, WaitingListCursor.parse(after));
        List<WaitingListEntry> entries = page.entries();
        model.addAttribute("filter", filter);
        // Each entry shows the STOPs overridden and findings justified for it, read in one query for the list.
        Map<UUID, List<SafetyOverride>> overridden = overrides.forReferrals(entries.stream().map(WaitingListEntry::referralId).toList());
        LocalDate today = LocalDate.now(clock);
        List<WaitingListRow> rows = entries.stream().map(e -> WaitingListRow.of(e, today, properties.nearBreachDays(),
                overridden.getOrDefault(e.referralId(), List.of()))).toList();
        boolean canBook = CurrentUser.hasRole("BOOKING");
        model.addAttribute("rows", rows);
        model.addAttribute("canBook", canBook);
        // Each row's "Patient away…" form posts, so it carries the request's token as th:action would add it.
        model.addAttribute("waitingRows", WaitingListRow.html(rows, canBook,
                csrf == null ? null : WaitingListRow.hiddenField(csrf.getParameterName(), csrf.getToken())));
        model.addAttribute("counts", page.counts());
        // "position" only numbers the rows shown ("51–100 of 2,000"); the cursor alone decides which entries they are.
        int first = after == null ? 1 : Math.max(1, position);
        model.addAttribute("pages", WaitingListPages.of(filter, first, entries.size(), page.counts().total(), page.next(),
                after != null));
        model.addAttribute("guidances", Guidance.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("sites", catalogue.sites());
        return "waitinglist/list";
    }

    @GetMapping(value = "/waiting-list.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@RequestParam(name = "guidance", required = false) Guidance guidance,
            @RequestParam(name = "site", required = false) String site,
            @RequestParam(name = "grade", required = false) String grade,
            @RequestParam(name = "priority", required = false) Priority priority) {
        LocalDate today = LocalDate.now(clock);
        StringBuilder csv = new StringBuilder("patient,nhs_number,site,side,guidance,priority,standard,clock_start,"
                + "breach_date,days_to_breach,earliest_date,latest_date,unavailable_from,unavailable_to,funding,"
                + "operator_grade,one_stop\r\n");
        for (WaitingListEntry e : waitingList.waiting(new WaitingListFilter(guidance, site, grade, priority))) {
            csv.append(String.join(",", cell(e.patientName()), cell(e.nhsNumber()), cell(e.siteName()), cell(e.laterality()),
                    cell(e.guidance().name()), cell(e.priority().name()), cell(e.standard().name()), cell(e.clockStart()),
                    cell(e.breachDate()), cell(e.daysToBreach(today)), cell(e.earliestDate()), cell(e.latestDate()),
                    cell(e.unavailableFrom()), cell(e.unavailableTo()), cell(e.fundingStatus().name()),
                    cell(e.operatorGrade()), cell(e.oneStopEligible()))).append("\r\n");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"waiting-list-" + today + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/waiting-list/{referralId}/unavailability")
    String unavailable(@PathVariable("referralId") UUID referralId,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Patient unavailability saved.",
                () -> waitingList.setUnavailability(referralId, from, to));
        return "redirect:/waiting-list";
    }
}
