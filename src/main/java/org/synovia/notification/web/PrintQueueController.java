package org.synovia.notification.web;

import java.time.Clock;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.notification.PrintQueue;
import org.synovia.shared.InvalidInputException;

/** Letters to print for patients reached by post: the queue, a combined PDF per batch, and who printed it. */
@Controller
@PreAuthorize("hasRole('BOOKING')")
class PrintQueueController {

    static final int BATCHES_SHOWN = 20;

    private final PrintQueue queue;
    private final Clock clock;

    PrintQueueController(PrintQueue queue, Clock clock) {
        this.queue = queue;
        this.clock = clock;
    }

    @GetMapping("/print-queue")
    String list(Model model) {
        var letters = queue.waiting();
        model.addAttribute("letters", letters);
        model.addAttribute("cannotBePosted", queue.cannotBePosted(letters));
        model.addAttribute("batches", queue.batches(BATCHES_SHOWN));
        model.addAttribute("zone", clock.getZone());
        return "notification/print-queue";
    }

    @PostMapping("/print-queue/batches")
    String makeBatch(RedirectAttributes redirect) {
        queue.makeBatch().ifPresentOrElse(
                id -> redirect.addFlashAttribute("notice", "A print batch is ready: open its PDF, print it, then mark it printed."),
                () -> redirect.addFlashAttribute("problem", "No letter can be printed: none is waiting, or those waiting"
                        + " have no postal address. Add the address on the patient's page first."));
        return "redirect:/print-queue";
    }

    @GetMapping("/print-queue/batches/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable("id") UUID id) {
        byte[] pdf = queue.pdf(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "This batch is printed; its PDF is not kept. Send a letter again from the patient's messages to reprint it."));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("letters-" + id + ".pdf").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    @PostMapping("/print-queue/batches/{id}/printed")
    String printed(@PathVariable("id") UUID id, RedirectAttributes redirect) {
        try {
            queue.markPrinted(id);
            redirect.addFlashAttribute("notice", "The batch is marked printed; its letters count as sent.");
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().message());
        }
        return "redirect:/print-queue";
    }
}
