package org.synovia.account.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.synovia.account.SecondFactorSignIn;
import org.synovia.account.SecondFactorSignIn.Outcome;
import org.synovia.account.SecondFactorSignIn.Waiting;

/** The code asked after the right password, or the set-up of a second factor the person's role requires (ADR 0061). */
@Controller
class SecondFactorLoginController {

    private final SecondFactorSignIn signIn;

    SecondFactorLoginController(SecondFactorSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping(SecondFactorSignIn.PATH)
    String form(HttpServletRequest request, Model model) {
        Optional<Waiting> waiting = signIn.waiting(request);
        if (waiting.isEmpty()) {
            return "redirect:/login?codeExpired";
        }
        model.addAttribute("waiting", waiting.get());
        return "account/second-factor-code";
    }

    @PostMapping(SecondFactorSignIn.PATH)
    String submit(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
            HttpServletResponse response, Model model) throws IOException, ServletException {
        Outcome outcome = signIn.submit(request, response, code);
        return switch (outcome) {
            case SIGNED_IN -> "redirect:/";
            case LOCKED -> "redirect:/login?locked";
            case NOT_WAITING -> "redirect:/login?codeExpired";
            case WRONG_CODE -> {
                model.addAttribute("problem", "That code is not right. Type the newest code your app shows.");
                yield form(request, model);
            }
        };
    }
}
