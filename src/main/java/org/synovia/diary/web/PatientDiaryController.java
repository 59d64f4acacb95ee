package org.synovia.diary.web;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.diary.PatientDiaries;
import org.synovia.diary.DiaryLinkRefused;
import org.synovia.diary.EntrySaved;
import org.synovia.diary.PatientDiary;
import org.synovia.diary.Pgic;
import org.synovia.diary.RedFlag;
import org.synovia.diary.SideEffect;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.web.FormErrors;

/**
 * The patient's diary, opened from the link in their email without an account. Every request is counted per
 * link and per address; too many get a plain "please wait" page with status 429. An unknown or expired link
 * gets a plain page saying so (404 or 410), never an error trace.
 */
@Controller
class PatientDiaryController {
    private final PatientDiaries patientDiaries;
    private final LinkRateLimiter limiter;
    private final Clock clock;

    PatientDiaryController(PatientDiaries patientDiaries, LinkRateLimiter limiter, Clock clock) {
        this.patientDiaries = patientDiaries;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * The secret is in the address: never send it to another site as a Referer, never keep the page in a shared
     * cache. "same-origin" rather than "no-referrer": with "no-referrer" the browser sends "Origin: null" on the
     * page's own form, which the same-origin check refuses (ADR 0062).
     */
    @org.springframework.web.bind.annotation.ModelAttribute
    void privateLinkHeaders(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
    }

    @GetMapping("/my-diary/{token}")
    String show(@PathVariable("token") String token, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (!limiter.allow(token, request.getRemoteAddr())) {
            return tooMany(response);
        }
        PatientDiary diary = patientDiaries.open(token);
        EntryForm form = new EntryForm();
        diary.due().ifPresent(p -> form.setTimePoint(p.code()));
        model.addAttribute("entryForm", form);
        return page(token, diary, model);
    }

    @PostMapping("/my-diary/{token}")
    String write(@PathVariable("token") String token, @ModelAttribute EntryForm entryForm, BindingResult result,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (!limiter.allow(token, request.getRemoteAddr())) {
            return tooMany(response);
        }
        if (result.hasErrors()) {
            result.reject("invalid", "Some answers could not be read. Please choose from the options shown.");
            return page(token, patientDiaries.open(token), model);
        }
        try {
            EntrySaved saved = patientDiaries.record(token, entryForm.toEntry());
            if (saved.urgent()) {
                return "redirect:/my-diary/" + token + "/urgent";
            }
            redirect.addFlashAttribute("notice", "Thank you. Your entry for " + saved.timePoint().label().toLowerCase()
                    + " is saved.");
            return "redirect:/my-diary/" + token;
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
            PatientDiary diary = patientDiaries.open(token);
            // The time point may have moved on while the page was open: offer the one due now, or, when none is
            // due, say why above the page (there is no form to show the message beside).
            diary.due().ifPresentOrElse(p -> entryForm.setTimePoint(p.code()),
                    () -> model.addAttribute("problem", e.problems().getFirst().message()));
            return page(token, diary, model);
        }
    }

    /** The urgent advice after a red flag (facts AF-06), on its own page so that a reload does not send again. */
    @GetMapping("/my-diary/{token}/urgent")
    String urgent(@PathVariable("token") String token, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (!limiter.allow(token, request.getRemoteAddr())) {
            return tooMany(response);
        }
        model.addAttribute("diary", patientDiaries.open(token));
        model.addAttribute("token", token);
        return "diary/urgent";
    }

    @ExceptionHandler(DiaryLinkRefused.class)
    String refused(DiaryLinkRefused e, HttpServletRequest request, HttpServletResponse response, Model model) {
        limiter.refused(request.getRemoteAddr());
        response.setStatus(e.expired() ? HttpStatus.GONE.value() : HttpStatus.NOT_FOUND.value());
        model.addAttribute("expired", e.expired());
        return "diary/link-refused";
    }

    private String tooMany(HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(limiter.retryAfterSeconds()));
        return "diary/too-many";
    }

    private String page(String token, PatientDiary diary, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("diary", diary);
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("sideEffectOptions", SideEffect.values());
        model.addAttribute("redFlagOptions", RedFlag.values());
        model.addAttribute("pgicOptions", Pgic.values());
        return "diary/patient";
    }
}
