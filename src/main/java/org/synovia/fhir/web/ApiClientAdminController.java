package org.synovia.fhir.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.fhir.ApiClients;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.web.FlashMessages;
import org.synovia.shared.web.FormErrors;

/**
 * Administrators register the hospital systems that call the FHIR API. The secret is shown on the page that
 * answers the creation, never stored in clear and never shown again. A client's public key set (inline or by URL)
 * lets it use SMART Backend Services instead of its secret.
 */
@Controller
@RequestMapping("/admin/api-clients")
@PreAuthorize("hasRole('ADMIN')")
class ApiClientAdminController {

    private final ApiClients clients;

    ApiClientAdminController(ApiClients clients) {
        this.clients = clients;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("clientForm", new ClientForm());
        model.addAttribute("clients", clients.list());
        return "fhir/api-clients";
    }

    @PostMapping
    String create(@ModelAttribute ClientForm clientForm, BindingResult result, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("issued", clients.create(clientForm.getName(), clientForm.getScopes()));
            model.addAttribute("clientForm", new ClientForm());
            response.setHeader("Cache-Control", "no-store");
        }
        catch (InvalidInputException e) {
            FormErrors.bind(e, result);
        }
        model.addAttribute("clients", clients.list());
        return "fhir/api-clients";
    }

    @PostMapping("/{clientId}/enabled")
    String setEnabled(@PathVariable("clientId") String clientId, @RequestParam("enabled") boolean enabled,
            RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "API client '" + clientId + "' " + (enabled ? "enabled." : "disabled."),
                () -> clients.setEnabled(clientId, enabled));
        return "redirect:/admin/api-clients";
    }

    /** Registers (or, both blank, removes) the public key set a client signs its token requests with (ADR 0063). */
    @PostMapping("/{clientId}/keys")
    String registerKeys(@PathVariable("clientId") String clientId, @RequestParam(name = "jwks", required = false) String jwks,
            @RequestParam(name = "jwksUrl", required = false) String jwksUrl, RedirectAttributes redirect) {
        FlashMessages.attempt(redirect, "Keys of API client '" + clientId + "' saved.",
                () -> clients.registerKeys(clientId, jwks, jwksUrl));
        return "redirect:/admin/api-clients";
    }

    /** The creation form: a name and the scopes, separated by spaces or lines. */
    static class ClientForm {

        private String name;
        private String scopes = "system/Patient.rs system/ServiceRequest.crs";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getScopes() {
            return scopes;
        }

        public void setScopes(String scopes) {
            this.scopes = scopes;
        }
    }
}
