package org.synovia.waitinglist.web;

import java.time.Clock;
import java.time.LocalDate;
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
import org.synovia.catalogue.ProcedurePrices;
import org.synovia.shared.web.FlashMessages;
import org.synovia.waitinglist.Funding;
import org.synovia.waitinglist.Payer;
import org.synovia.waitinglist.WaitingListEntry;

/**
 * The funding queue and one referral's funding: booking staff see the state and the price; the administrator
 * records the commissioner's or insurer's decision and who pays (ADR 0072).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'BOOKING', 'RADIOLOGIST', 'NURSE')")
class FundingController {

    private final Funding funding;
    private final ProcedurePrices prices;
    private final Clock clock;

    FundingController(Funding funding, ProcedurePrices prices, Clock clock) {
        this.funding = funding;
        this.prices = prices;
        this.clock = clock;
    }

    @GetMapping("/funding")
    String queue(Model model) {
        model.addAttribute("entries", funding.needingDecision());
        return "funding/queue";
    }

    @GetMapping("/funding/{referralId}")
    String show(@PathVariable("referralId") UUID referralId, Model model) {
        WaitingListEntry entry = funding.entryFor(referralId);
        model.addAttribute("entry", entry);
        model.addAttribute("decisions", funding.history(referralId));
        model.addAttribute("price", entry.siteCode() == null ? null
                : prices.priceOf(entry.siteCode(), entry.guidance()).orElse(null));
        model.addAttribute("payers", Payer.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("zone", clock.getZone());
        return "funding/referral";
    }

    @PostMapping("/funding/{referralId}/approve")
    @PreAuthorize("hasRole('ADMIN')")
    String approve(@PathVariable("referralId") UUID referralId,
            @RequestParam(name = "reference", required = false) String reference,
            @RequestParam(name = "decidedOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            @RequestParam(name = "expiresOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
            RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Funding approval recorded: the patient can now be booked.",
                () -> funding.approve(referralId, reference, decidedOn, expiresOn));
        return "redirect:/funding/" + referralId;
    }

    @PostMapping("/funding/{referralId}/refuse")
    @PreAuthorize("hasRole('ADMIN')")
    String refuse(@PathVariable("referralId") UUID referralId,
            @RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "decidedOn", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
            RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Funding refusal recorded: the patient stays on the list, flagged, and cannot be booked.",
                () -> funding.refuse(referralId, reason, decidedOn));
        return "redirect:/funding/" + referralId;
    }

    @PostMapping("/funding/{referralId}/payer")
    @PreAuthorize("hasRole('ADMIN')")
    String payer(@PathVariable("referralId") UUID referralId,
            @RequestParam(name = "payer", required = false) Payer payer,
            @RequestParam(name = "insurerName", required = false) String insurerName,
            RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Payer saved.", () -> funding.setPayer(referralId, payer, insurerName));
        return "redirect:/funding/" + referralId;
    }
}
