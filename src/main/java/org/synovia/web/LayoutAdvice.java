package org.synovia.web;

import java.util.Set;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.synovia.account.StaffNames;
import org.synovia.account.UserAccounts;
import org.synovia.diary.DiaryAlerts;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.ServiceIdentity;

/** What every page's header needs: who is signed in and in which roles. */
@ControllerAdvice
class LayoutAdvice {

    private final UserAccounts accounts;
    private final ServiceIdentity service;
    private final DiaryAlerts diaryAlerts;

    LayoutAdvice(UserAccounts accounts, ServiceIdentity service, DiaryAlerts diaryAlerts) {
        this.accounts = accounts;
        this.service = service;
        this.diaryAlerts = diaryAlerts;
    }

    /** The service's name and numbers, for patient pages and the footer. */
    @ModelAttribute("service")
    ServiceIdentity service() {
        return service;
    }

    /**
     * Staff by full name, never username, wherever a page says who did something ({@code ${staff.of(...)}}); the
     * signed-in user's own name comes from it too. Held in memory while the staff-names version, read with the
     * session check, has not moved, so a page pays no statement for them (ADR 0113).
     */
    @ModelAttribute("staff")
    StaffNames staff() {
        return signedIn(CurrentUser.username()) ? accounts.staffNames() : new StaffNames(java.util.Map.of());
    }

    @ModelAttribute("currentUserName")
    String currentUserName(@ModelAttribute("staff") StaffNames staff) {
        String username = CurrentUser.username();
        return signedIn(username) ? staff.of(username) : null;
    }

    /** Patients on their links and the sign-in page are not staff: no names are read for them. */
    private static boolean signedIn(String username) {
        return !CurrentUser.SYSTEM.equals(username) && !"anonymousUser".equals(username);
    }

    @ModelAttribute("currentRoles")
    Set<String> currentRoles() {
        return CurrentUser.roles();
    }

    /** The main menu of these roles, built once per set of roles; the diary alert count is read only if drawn. */
    @ModelAttribute("menu")
    MainMenu.Drawn menu(@ModelAttribute("currentRoles") Set<String> roles) {
        return new MainMenu.Drawn(roles, diaryAlerts::openAlertCount);
    }
}
