package org.synovia.journey.web;

import java.time.Instant;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.synovia.diary.DiaryEpisodes;
import org.synovia.journey.Journeys;
import org.synovia.procedure.ProcedureReports;
import org.synovia.referral.ReferralId;
import org.synovia.shared.InvalidInputException;

/**
 * The referrer's part of a referral page (loaded into it) and the documents it opens; marking the home page's news
 * as seen. Every document is fetched through its referral, so a referrer reaches only their own.
 */
@Controller
@PreAuthorize("hasRole('REFERRER')")
class JourneyController {

    private final Journeys journeys;
    private final ProcedureReports procedureReports;
    private final DiaryEpisodes diaryEpisodes;

    JourneyController(Journeys journeys, ProcedureReports procedureReports, DiaryEpisodes diaryEpisodes) {
        this.journeys = journeys;
        this.procedureReports = procedureReports;
        this.diaryEpisodes = diaryEpisodes;
    }

    @GetMapping("/referrals/{id}/journey")
    String journey(@PathVariable("id") ReferralId id, Model model) {
        model.addAttribute("journey", journeys.of(id));
        return "journey/journey :: journey";
    }

    @GetMapping(value = "/referrals/{id}/reports/{appointmentId}/{version}/report.pdf", produces = "application/pdf")
    @ResponseBody
    byte[] report(@PathVariable("id") ReferralId id, @PathVariable("appointmentId") UUID appointmentId,
            @PathVariable("version") int version) {
        return procedureReports.reportPdfForReferrer(id, appointmentId, version);
    }

    @GetMapping(value = "/referrals/{id}/diary-summary/{appointmentId}/summary.pdf", produces = "application/pdf")
    @ResponseBody
    byte[] diarySummary(@PathVariable("id") ReferralId id, @PathVariable("appointmentId") UUID appointmentId) {
        return diaryEpisodes.summaryPdfForReferrer(id, appointmentId);
    }

    /** "Mark all as seen" on the home page: up to the newest item the page showed. */
    @PostMapping("/news/seen")
    String seen(@RequestParam(name = "until", required = false) String until) {
        Instant shownUntil;
        try {
            shownUntil = Instant.parse(until == null ? "" : until);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("until", "is missing or not valid; reload the page and try again");
        }
        journeys.markSeen(shownUntil);
        return "redirect:/";
    }
}
