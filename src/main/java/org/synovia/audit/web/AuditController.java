package org.synovia.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditCursor;
import org.synovia.audit.AuditPage;
import org.synovia.audit.AuditQuery;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.web.OptionHtml;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    static final int PAGE_SIZE = 100;

    private final AuditTrail audit;
    private final Clock clock;

    AuditController(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** The trail, newest first, a page at a time; {@code after} is where the previous page ended. */
    @GetMapping("/admin/audit")
    String trail(@RequestParam(name = "user", required = false) String username,
            @RequestParam(name = "nhs", required = false) String nhsNumber,
            @RequestParam(name = "patient", required = false) UUID patientId,
            @RequestParam(name = "type", required = false) String recordType,
            @RequestParam(name = "action", required = false) AuditAction action,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(name = "after", required = false) String after,
            Model model) {
        model.addAttribute("actionOptions", actionOptions(action));
        model.addAttribute("nhs", nhsNumber);
        AuditQuery query = new AuditQuery(username, patientId, recordType, action, from, to, PAGE_SIZE);
        model.addAttribute("query", query);
        try {
            AuditCursor cursor = cursor(after);
            model.addAttribute("after", cursor);
            UUID patient = patientId;
            if (nhsNumber != null && !nhsNumber.isBlank()) {
                patient = audit.patientWithNhsNumber(nhsNumber).orElse(null);
                if (patient == null) {
                    model.addAttribute("problem", "No patient has the NHS number " + nhsNumber.strip() + ".");
                    model.addAttribute("page", null);
                    return "audit/trail";
                }
            }
            query = new AuditQuery(username, patient, recordType, action, from, to, PAGE_SIZE);
            AuditPage page = audit.page(query, cursor);
            model.addAttribute("page", page);
            model.addAttribute("trailRows", AuditTrailRow.html(
                    page.events().stream().map(e -> AuditTrailRow.of(e, page, clock.getZone())).toList()));
        } catch (InvalidInputException e) {
            model.addAttribute("problem", e.problems().getFirst().message());
            model.addAttribute("page", null);
        }
        return "audit/trail";
    }

    /** The filtered lines as CSV; the lines are read and the export audited before the first byte is sent. */
    @GetMapping("/admin/audit/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(name = "user", required = false) String username,
            @RequestParam(name = "nhs", required = false) String nhsNumber,
            @RequestParam(name = "patient", required = false) UUID patientId,
            @RequestParam(name = "type", required = false) String recordType,
            @RequestParam(name = "action", required = false) AuditAction action,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        UUID patient = patientId;
        if (nhsNumber != null && !nhsNumber.isBlank()) {
            patient = audit.patientWithNhsNumber(nhsNumber)
                    .orElseThrow(() -> new InvalidInputException("nhs", "No patient has the NHS number " + nhsNumber.strip() + "."));
        }
        AuditPage lines = audit.export(new AuditQuery(username, patient, recordType, action, from, to, PAGE_SIZE));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.csv\"")
                .body(AuditCsv.write(lines, audit.zone()).getBytes(StandardCharsets.UTF_8));
    }

    /** The action filter's options, the chosen one selected, drawn in Java (ADR 0121). */
    static String actionOptions(AuditAction chosen) {
        return OptionHtml.of(Arrays.asList(AuditAction.values()), String::valueOf, String::valueOf, a -> a == chosen);
    }

    private static AuditCursor cursor(String after) {
        try {
            return AuditCursor.parse(after);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("after", "This is not a page of the trail; start again from the first page.");
        }
    }
}
