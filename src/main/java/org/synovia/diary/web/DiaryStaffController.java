package org.synovia.diary.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.diary.DiaryAlerts;
import org.synovia.diary.DiaryEpisodes;
import org.synovia.diary.RedFlag;
import org.synovia.diary.SideEffect;
import org.synovia.shared.web.FlashMessages;

/** The team's side of the diary: red-flag alerts to act on, and each patient's diary with its reading. */
@Controller
@PreAuthorize("hasAnyRole('NURSE', 'RADIOLOGIST')")
class DiaryStaffController {
    private final DiaryAlerts diaryAlerts;
    private final DiaryEpisodes diaryEpisodes;
    private final Clock clock;

    DiaryStaffController(DiaryAlerts diaryAlerts, DiaryEpisodes diaryEpisodes, Clock clock) {
        this.diaryAlerts = diaryAlerts;
        this.diaryEpisodes = diaryEpisodes;
        this.clock = clock;
    }

    @GetMapping("/diary/alerts")
    String alerts(@RequestParam(name = "all", defaultValue = "false") boolean all, Model model) {
        model.addAttribute("alerts", diaryAlerts.alerts(!all));
        model.addAttribute("all", all);
        model.addAttribute("zone", clock.getZone());
        return "diary/alerts";
    }

    @PostMapping("/diary/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable("id") UUID id, @RequestParam(name = "action", required = false) String action,
            RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Alert acknowledged.", () -> diaryAlerts.acknowledge(id, action));
        return "redirect:/diary/alerts";
    }

    @GetMapping("/diary/episodes/{appointmentId}")
    String episode(@PathVariable("appointmentId") UUID appointmentId, Model model) {
        model.addAttribute("episode", diaryEpisodes.episode(appointmentId).orElse(null));
        model.addAttribute("appointmentId", appointmentId);
        model.addAttribute("sideEffectLabels", (Function<String, List<String>>) SideEffect::labelsOf);
        model.addAttribute("redFlagLabels", (Function<String, List<String>>) RedFlag::labelsOf);
        model.addAttribute("zone", clock.getZone());
        return "diary/episode";
    }

    @GetMapping("/diary/episodes/{appointmentId}/summary.pdf")
    ResponseEntity<byte[]> summaryPdf(@PathVariable("appointmentId") UUID appointmentId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"pain-diary-summary.pdf\"")
                .body(diaryEpisodes.summaryPdf(appointmentId));
    }
}
