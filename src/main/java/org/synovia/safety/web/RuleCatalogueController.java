package org.synovia.safety.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.synovia.safety.SafetyChecks;

/** The rule catalogue for clinicians: every rule with its sources, thresholds in force and the local policy. */
@Controller
class RuleCatalogueController {

    private final SafetyChecks safetyChecks;

    RuleCatalogueController(SafetyChecks safetyChecks) {
        this.safetyChecks = safetyChecks;
    }

    @GetMapping("/safety/rules")
    String rules(Model model) {
        model.addAttribute("rules", safetyChecks.rules());
        model.addAttribute("policy", safetyChecks.policy().describe());
        return "safety/rules";
    }
}
