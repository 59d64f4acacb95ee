package org.synovia.audit.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.audit.AuditIntegrity;

/** The audit trail's hash chains checked on demand, checkpoints signed and exported (ADR 0049). */
@Controller
@RequestMapping("/admin/audit/integrity")
@PreAuthorize("hasRole('ADMIN')")
class AuditIntegrityController {

    private final AuditIntegrity integrity;

    AuditIntegrityController(AuditIntegrity integrity) {
        this.integrity = integrity;
    }

    @GetMapping
    String check(Model model) {
        model.addAttribute("report", integrity.check());
        return "audit/integrity";
    }

    @PostMapping("/checkpoint")
    String checkpoint(RedirectAttributes redirect) {
        java.util.List<AuditIntegrity.Checkpoint> checkpoints = integrity.takeCheckpoint();
        redirect.addFlashAttribute("notice", "Checkpoints " + checkpoints.getFirst().id() + " to " + checkpoints.getLast().id()
                + " signed, one for each of " + checkpoints.size() + " chains ("
                + checkpoints.stream().mapToLong(AuditIntegrity.Checkpoint::position).sum() + " links).");
        return "redirect:/admin/audit/integrity";
    }

    @GetMapping("/checkpoints.txt")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("synovia-audit-checkpoints.txt").build().toString())
                .body(integrity.exportCheckpoints());
    }
}
