package org.synovia.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.synovia.account.SsoProperties;

@Controller
class LoginController {

    private final SsoProperties sso;

    LoginController(SsoProperties sso) {
        this.sso = sso;
    }

    /** The password form, "Sign in with" the configured provider, or both (ADR 0060). */
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("passwordForm", sso.passwordFormShown());
        model.addAttribute("ssoProvider", sso.enabled() ? sso.providerName() : null);
        model.addAttribute("ssoPath", "/oauth2/authorization/" + SsoProperties.REGISTRATION_ID);
        return "account/login";
    }
}
