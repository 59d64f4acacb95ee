package org.synovia.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.synovia.account.UserAccounts;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/** A signed-in person changes their own password; afterwards they sign in again with it, as every session ends. */
@Controller
@RequestMapping("/account/password")
@PreAuthorize("isAuthenticated()")
class OwnPasswordController {

    private final UserAccounts accounts;

    OwnPasswordController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String form() {
        return "account/password";
    }

    @PostMapping
    String change(@RequestParam(name = "currentPassword", required = false) String currentPassword,
            @RequestParam(name = "password", required = false) String password, Model model, HttpServletRequest request) {
        try {
            accounts.changeOwnPassword(CurrentUser.username(), currentPassword, password);
        }
        catch (InvalidInputException e) {
            model.addAttribute("problem", e.problems().getFirst().message());
            return "account/password";
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?passwordChanged";
    }
}
