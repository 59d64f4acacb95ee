package org.synovia.notification.web;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.synovia.notification.AppointmentLetters;

@Controller
@PreAuthorize("hasAnyRole('BOOKING', 'RADIOLOGIST', 'NURSE')")
class LetterController {

    private final AppointmentLetters letters;

    LetterController(AppointmentLetters letters) {
        this.letters = letters;
    }

    @GetMapping(value = "/appointments/{id}/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable("id") UUID id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"appointment-letter.pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.APPLICATION_PDF)
                .body(letters.pdf(id));
    }
}
