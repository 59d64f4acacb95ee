package org.synovia.notification.web;

import java.time.Clock;
import java.util.Locale;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.notification.Channel;
import org.synovia.notification.ContactPreferences;
import org.synovia.notification.MessageCentre;
import org.synovia.notification.OutboundEmail;
import org.synovia.shared.InvalidInputException;

/**
 * One stored message opened as it was sent, its attachment, and sending it again; a patient's messages and how
 * they want to be contacted, shown in a section of the patient's page.
 */
@Controller
// Message bodies are patients' letters: booking staff only, as the messages list (ADR 0002).
@PreAuthorize("hasRole('BOOKING')")
class MessageCentreController {

    private final MessageCentre messages;
    private final ContactPreferences preferences;
    private final Clock clock;

    MessageCentreController(MessageCentre messages, ContactPreferences preferences, Clock clock) {
        this.messages = messages;
        this.preferences = preferences;
        this.clock = clock;
    }

    @GetMapping("/messages/{id}")
    String show(@PathVariable("id") UUID id, Model model) {
        OutboundEmail message = messages.open(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such message."));
        model.addAttribute("message", message);
        model.addAttribute("zone", clock.getZone());
        return "notification/message";
    }

    @GetMapping("/messages/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable("id") UUID id) {
        var attachment = messages.attachment(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "This message has no attachment."));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(attachment.name()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .body(attachment.content());
    }

    @PostMapping("/messages/{id}/resend")
    String resend(@PathVariable("id") UUID id, RedirectAttributes redirect) {
        try {
            UUID copy = messages.resend(id);
            redirect.addFlashAttribute("notice", "Sent again: stored now, and it goes out within moments"
                    + " (a letter waits in the print queue). This is the new message.");
            return "redirect:/messages/" + copy;
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().message());
            return "redirect:/messages/" + id;
        }
    }

    /** The patient's messages and contact preference: a section of the patient's page (htmx), or a page of its own. */
    @GetMapping("/patients/{id}/messages")
    String forPatient(@PathVariable("id") UUID patientId, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("patientId", patientId);
        model.addAttribute("messages", messages.forPatient(patientId));
        model.addAttribute("preference", preferences.show(patientId));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("zone", clock.getZone());
        return htmx != null ? "notification/patient-messages :: section" : "notification/patient-messages";
    }

    @PostMapping("/patients/{id}/contact-preference")
    String changePreference(@PathVariable("id") UUID patientId, @RequestParam(name = "preferred", required = false) String preferred,
            @RequestParam(name = "optedOut", defaultValue = "false") boolean optedOut, RedirectAttributes redirect) {
        Channel channel;
        try {
            channel = preferred == null || preferred.isBlank() ? null : Channel.valueOf(preferred.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("preferred", "Choose email, text message, printed letter or no preference.");
        }
        preferences.change(patientId, channel, optedOut);
        redirect.addFlashAttribute("notice", "How the patient is contacted is saved.");
        return "redirect:/patients/" + patientId + "#messages";
    }
}
