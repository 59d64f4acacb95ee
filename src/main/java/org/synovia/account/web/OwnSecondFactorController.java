package org.synovia.account.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.account.SecondFactors;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/** A person sets up their own second factor: the secret for their app, then a code to show the app reads it. */
@Controller
@RequestMapping("/account/second-factor")
@PreAuthorize("isAuthenticated()")
class OwnSecondFactorController {

    private final SecondFactors secondFactors;

    OwnSecondFactorController(SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
    }

    @GetMapping
    String status(Model model) {
        model.addAttribute("on", secondFactors.isOn(CurrentUser.username()));
        return "account/second-factor";
    }

    @PostMapping
    String start(Model model) {
        try {
            model.addAttribute("enrolment", secondFactors.startEnrolment(CurrentUser.username()));
        }
        catch (InvalidInputException e) {
            model.addAttribute("problem", e.problems().getFirst().message());
        }
        model.addAttribute("on", secondFactors.isOn(CurrentUser.username()));
        return "account/second-factor";
    }

    @PostMapping("/confirm")
    String confirm(@RequestParam(name = "code", required = false) String code, Model model, RedirectAttributes redirect) {
        try {
            secondFactors.confirm(CurrentUser.username(), code);
        }
        catch (InvalidInputException e) {
            model.addAttribute("problem", e.problems().getFirst().message());
            return start(model);
        }
        redirect.addFlashAttribute("notice", "Your second factor is on. Sign-in will ask for a code from your app.");
        return "redirect:/account/second-factor";
    }
}
