package org.synovia.outcomes.web;

import static org.synovia.shared.web.CsvCells.cell;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.catalogue.Catalogue;
import org.synovia.outcomes.KaplanMeier;
import org.synovia.outcomes.OutcomeFilter;
import org.synovia.outcomes.OutcomeReport;
import org.synovia.outcomes.OutcomeReport.Rates;
import org.synovia.outcomes.OutcomeReport.Survival;
import org.synovia.outcomes.Outcomes;
import org.synovia.outcomes.OutcomesProperties;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;

/** The service's outcome analytics page and its CSV export (ADR 0018 for who sees it and why). */
@Controller
@PreAuthorize("hasAnyRole('RADIOLOGIST', 'NURSE', 'ADMIN')")
class OutcomesController {

    /** Curves drawn per chart; every group stays in the table beneath. */
    static final int CURVES_PER_CHART = 6;

    private final Outcomes outcomes;
    private final Catalogue catalogue;
    private final Clock clock;
    private final int minimum;

    OutcomesController(Outcomes outcomes, Catalogue catalogue, Clock clock, OutcomesProperties properties) {
        this.minimum = properties.minimumToReport();
        this.outcomes = outcomes;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/outcomes")
    String page(@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "site", required = false) String site,
            @RequestParam(name = "guidance", required = false) String guidance, Model model) {
        model.addAttribute("sites", catalogue.sites());
        model.addAttribute("guidances", Guidance.values());
        model.addAttribute("problems", List.of());
        OutcomeFilter filter;
        try {
            filter = filter(from, to, site, guidance);
        }
        catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("filter", null);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            return "outcomes/page";
        }
        OutcomeReport report = outcomes.report(filter, false);
        model.addAttribute("filter", filter);
        model.addAttribute("from", filter.from());
        model.addAttribute("to", filter.to());
        model.addAttribute("report", report);
        model.addAttribute("minimum", minimum);
        // A curve of fewer patients than the minimum is not drawn; its row says "too few to report".
        model.addAttribute("siteChart", Charts.survival(reportable(report.bySite()), CURVES_PER_CHART));
        model.addAttribute("drugChart", Charts.survival(reportable(report.byDrug()), CURVES_PER_CHART));
        model.addAttribute("guidanceChart", Charts.survival(reportable(report.byGuidance()), CURVES_PER_CHART));
        model.addAttribute("overallChart", Charts.survival(reportable(List.of(report.overall())), 1));
        model.addAttribute("monthChart", Charts.columns(report.byMonth()));
        return "outcomes/page";
    }

    @PostMapping("/outcomes/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    String rebuild(RedirectAttributes redirect) {
        int rows = outcomes.rebuildNow();
        redirect.addFlashAttribute("notice", "Outcome figures rebuilt from " + rows + " signed procedures.");
        return "redirect:/outcomes";
    }

    @GetMapping(value = "/outcomes.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(@RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "site", required = false) String site,
            @RequestParam(name = "guidance", required = false) String guidance) {
        OutcomeFilter filter;
        try {
            filter = filter(from, to, site, guidance);
        }
        catch (InvalidInputException e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body(e.problems().getFirst().message().getBytes(StandardCharsets.UTF_8));
        }
        OutcomeReport report = outcomes.report(filter, true);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"outcomes-" + filter.from() + "-to-" + filter.to() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv(report).getBytes(StandardCharsets.UTF_8));
    }

    private OutcomeFilter filter(LocalDate from, LocalDate to, String site, String guidance) {
        LocalDate today = LocalDate.now(clock);
        OutcomeFilter defaults = OutcomeFilter.lastYear(today);
        if (site != null && !site.isBlank() && catalogue.site(site.strip()).isEmpty()) {
            throw new InvalidInputException("site", "Choose a site from the list.");
        }
        if (guidance != null && !guidance.isBlank() && Arrays.stream(Guidance.values()).noneMatch(g -> g.name().equals(guidance.strip()))) {
            throw new InvalidInputException("guidance", "Choose a guidance from the list.");
        }
        return new OutcomeFilter(from == null ? defaults.from() : from, to == null ? defaults.to() : to, site, guidance);
    }

    /**
     * The report as tidy rows (section, group, measure, value), one per figure on the page, so that a
     * spreadsheet can pivot them; every cell goes through the shared formula-defusing helper.
     */
    String csv(OutcomeReport report) {
        StringBuilder csv = new StringBuilder("section,group,measure,value\r\n");
        OutcomeFilter f = report.filter();
        line(csv, "filter", "", "from", f.from());
        line(csv, "filter", "", "to", f.to());
        line(csv, "filter", "", "site", f.site());
        line(csv, "filter", "", "guidance", f.guidance());
        rates(csv, "all", "All procedures", report.allRates());
        report.ratesBySite().forEach(r -> rates(csv, "site", r.label(), r));
        report.ratesByDrug().forEach(r -> rates(csv, "drug", r.label(), r));
        report.ratesByGuidance().forEach(r -> rates(csv, "guidance", r.label(), r));
        relief(csv, "relief all", report.overall());
        report.bySite().forEach(s -> relief(csv, "relief by site", s));
        report.byDrug().forEach(s -> relief(csv, "relief by drug", s));
        report.byGuidance().forEach(s -> relief(csv, "relief by guidance", s));
        for (OutcomeReport.Stage s : report.waiting()) {
            line(csv, "waiting", s.label(), "procedures", s.count());
            line(csv, "waiting", s.label(), "median_days", number(s.medianDays()));
            line(csv, "waiting", s.label(), "p90_days", number(s.p90Days()));
            line(csv, "waiting", s.label(), "mean_days", number(s.meanDays()));
        }
        for (OutcomeReport.Breaches b : report.breaches()) {
            line(csv, "breaches", b.standard(), "procedures", b.procedures());
            line(csv, "breaches", b.standard(), "breached", b.breached());
            share(csv, "breaches", b.standard(), "breached", b.breachedShare());
        }
        report.byOperator().forEach(v -> line(csv, "volume by operator", v.label(), "procedures", v.procedures()));
        report.bySiteVolume().forEach(v -> line(csv, "volume by site", v.label(), "procedures", v.procedures()));
        report.byMonth().forEach(v -> line(csv, "volume by month", v.label(), "procedures", v.procedures()));
        return csv.toString();
    }

    private List<Survival> reportable(List<Survival> groups) {
        return groups.stream().filter(g -> g.curve().subjects() >= minimum).toList();
    }

    private void rates(StringBuilder csv, String section, String group, Rates r) {
        line(csv, section, group, "procedures", r.procedures());
        line(csv, section, group, "responders", r.responders());
        line(csv, section, group, "read_at_6_weeks", r.therapeuticRead());
        share(csv, section, group, "responder", r.responder());
        line(csv, section, group, "diagnostic_positive", r.diagnosticPositive());
        line(csv, section, group, "diagnostic_read", r.diagnosticRead());
        share(csv, section, group, "diagnostic_positive", r.positive());
        line(csv, section, group, "complications", r.complications());
        share(csv, section, group, "complication", r.complication());
        line(csv, section, group, "with_diary", r.withDiary());
        line(csv, section, group, "red_flagged", r.redFlagged());
        share(csv, section, group, "red_flag", r.redFlag());
    }

    /** The percentage with its 95% interval, empty below the minimum to report (as on the page). */
    private void share(StringBuilder csv, String section, String group, String measure, OutcomeReport.Proportion share) {
        boolean shown = share.reportable(minimum);
        line(csv, section, group, measure + "_percent", shown ? number(share.percent()) : "");
        line(csv, section, group, measure + "_lower_95", shown ? number(share.lowerPercent()) : "");
        line(csv, section, group, measure + "_upper_95", shown ? number(share.upperPercent()) : "");
    }

    private void relief(StringBuilder csv, String section, Survival s) {
        KaplanMeier.Curve c = s.curve();
        line(csv, section, s.label(), "patients", c.subjects());
        line(csv, section, s.label(), "relief_ended", c.events());
        line(csv, section, s.label(), "censored", c.censored());
        line(csv, section, s.label(), "median_days", number(c.median()));
        line(csv, section, s.label(), "median_lower_95", number(c.medianLower()));
        line(csv, section, s.label(), "median_upper_95", number(c.medianUpper()));
        boolean shown = c.subjects() >= minimum && c.followedTo(42);
        line(csv, section, s.label(), "relieved_at_6_weeks_percent", shown ? number(100 * c.survivalAt(42)) : "");
    }

    private static void line(StringBuilder csv, String section, String group, String measure, Object value) {
        csv.append(cell(section)).append(',').append(cell(group)).append(',').append(cell(measure)).append(',')
                .append(cell(value)).append("\r\n");
    }

    /** One decimal place, or empty when there is no figure (no denominator, median not reached). */
    static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
