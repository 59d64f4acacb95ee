package org.synovia.web;

import java.util.Set;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.synovia.account.UserAccounts;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.ServiceIdentity;

/** What every page's header needs: who is signed in and in which roles. */
@ControllerAdvice
class LayoutAdvice {

    private final UserAccounts accounts;
    private final ServiceIdentity service;

    LayoutAdvice(UserAccounts accounts, ServiceIdentity service) {
        this.accounts = accounts;
        this.service = service;
    }

    /** The service's name and numbers, for patient pages and the footer. */
    @ModelAttribute("service")
    ServiceIdentity service() {
        return service;
    }

    @ModelAttribute("currentUserName")
    String currentUserName() {
        String username = CurrentUser.username();
        if (CurrentUser.SYSTEM.equals(username) || "anonymousUser".equals(username)) {
            return null;
        }
        return accounts.find(username).map(a -> a.displayName()).orElse(username);
    }

    @ModelAttribute("currentRoles")
    Set<String> currentRoles() {
        return CurrentUser.roles();
    }
}
