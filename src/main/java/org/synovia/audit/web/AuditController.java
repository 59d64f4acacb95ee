package org.synovia.audit.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditQuery;
import org.synovia.audit.AuditTrail;

@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String trail(@RequestParam(name = "user", required = false) String username,
            @RequestParam(name = "patient", required = false) UUID patientId,
            @RequestParam(name = "type", required = false) String recordType,
            @RequestParam(name = "action", required = false) AuditAction action,
            @RequestParam(name = "from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        AuditQuery query = new AuditQuery(username, patientId, recordType, action, from, to, AuditQuery.DEFAULT_LIMIT);
        model.addAttribute("query", query);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("events", audit.search(query));
        return "audit/trail";
    }
}
