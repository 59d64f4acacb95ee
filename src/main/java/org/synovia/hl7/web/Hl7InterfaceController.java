package org.synovia.hl7.web;

import java.time.Clock;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.hl7.Hl7Interface;
import org.synovia.shared.web.FlashMessages;

/**
 * The HL7 interface as staff see it: what arrived and the answer given, what went out and whether it was
 * acknowledged. Rows name messages and orders, not patients, so administrators may see them (ADR 0022).
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'BOOKING')")
class Hl7InterfaceController {

    static final int SHOWN = 200;

    private final Hl7Interface hl7;
    private final Clock clock;

    Hl7InterfaceController(Hl7Interface hl7, Clock clock) {
        this.hl7 = hl7;
        this.clock = clock;
    }

    @GetMapping("/interfaces/hl7")
    String list(Model model) {
        var sent = hl7.sent(SHOWN);
        model.addAttribute("received", hl7.received(SHOWN));
        model.addAttribute("sent", sent);
        model.addAttribute("failed", sent.stream().filter(m -> m.status().equals("FAILED")).count());
        model.addAttribute("waiting", sent.stream().filter(m -> m.status().equals("QUEUED")).count());
        model.addAttribute("zone", clock.getZone());
        return "hl7/messages";
    }

    @PostMapping("/interfaces/hl7/outbound/{id}/retry")
    String retry(@PathVariable("id") UUID id, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "The message was sent again; see its status below.", () -> {
            hl7.retry(id);
            hl7.sendDue();
        });
        return "redirect:/interfaces/hl7";
    }
}
