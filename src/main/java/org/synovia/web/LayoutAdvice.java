package org.synovia.web;

import java.util.Set;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.synovia.account.UserAccounts;
import org.synovia.shared.CurrentUser;

/** What every page's header needs: who is signed in and in which roles. */
@ControllerAdvice
class LayoutAdvice {

    private final UserAccounts accounts;

    LayoutAdvice(UserAccounts accounts) {
        this.accounts = accounts;
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
