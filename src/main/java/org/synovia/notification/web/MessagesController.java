package org.synovia.notification.web;

import java.time.Clock;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.notification.EmailOutbox;
import org.synovia.notification.OutboundEmail;

/** What was sent, what is waiting to be retried and what failed, so that staff can follow up. */
@Controller
// Recipients are patients' addresses: booking staff only, not administrators without a clinical role (ADR 0002).
@PreAuthorize("hasRole('BOOKING')")
class MessagesController {

    static final int SHOWN = 200;

    private final EmailOutbox outbox;
    private final Clock clock;

    MessagesController(EmailOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @GetMapping("/messages")
    String list(Model model) {
        var emails = outbox.listForStaff(SHOWN);
        model.addAttribute("emails", emails);
        model.addAttribute("failed", emails.stream().filter(e -> e.status() == OutboundEmail.Status.FAILED).count());
        model.addAttribute("queued", emails.stream().filter(e -> e.status() == OutboundEmail.Status.QUEUED).count());
        model.addAttribute("zone", clock.getZone());
        return "notification/messages";
    }

    @PostMapping("/messages/{id}/retry")
    String retry(@PathVariable("id") UUID id, RedirectAttributes redirect) {
        if (outbox.retry(id)) {
            // Sent by the outbox once the retry has committed, never on this request: a slow mail server cannot hold it.
            redirect.addFlashAttribute("notice", "The email is queued again and goes out within moments; see its status below.");
        }
        else {
            redirect.addFlashAttribute("problem", "Only a failed email can be tried again.");
        }
        return "redirect:/messages";
    }
}
