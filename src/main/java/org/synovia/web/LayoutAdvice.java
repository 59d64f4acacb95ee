package org.synovia.web;

import java.util.Map;
import java.util.Set;

import org.springframework.ui.Model;
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

    /**
     * Every attribute the layout reads, added by one method: Spring MVC builds a handler method for each
     * {@code @ModelAttribute} method of an advice on every request, and resolves a {@code @ModelAttribute} parameter
     * by binding the request's parameters onto it, so five methods (two taking another's result) cost more than
     * what they add (ADR 0118). An attribute the model already holds (a flash attribute of the same name) is kept,
     * as it was with named methods.
     * <ul>
     * <li>{@code service}: the service's name and numbers, for patient pages and the footer;</li>
     * <li>{@code staff}: staff by full name, never username, wherever a page says who did something
     * ({@code ${staff.of(...)}}); held in memory while the staff-names version, read with the session check, has not
     * moved, so a page pays no statement for them (ADR 0113);</li>
     * <li>{@code currentUserName}: the signed-in user's own name, from the same names;</li>
     * <li>{@code currentRoles} and {@code menu}: the main menu of these roles, built once per set of roles; the diary
     * alert count is read only if the menu is drawn.</li>
     * </ul>
     */
    @ModelAttribute
    void layout(Model model) {
        String username = CurrentUser.username();
        boolean signedIn = signedIn(username);
        addIfAbsent(model, "service", service);
        if (!model.containsAttribute("staff")) {
            model.addAttribute("staff", signedIn ? accounts.staffNames() : new StaffNames(Map.of()));
        }
        if (!model.containsAttribute("currentUserName")) {
            StaffNames staff = (StaffNames) model.getAttribute("staff");
            model.addAttribute("currentUserName", signedIn ? staff.of(username) : null);
        }
        addIfAbsent(model, "currentRoles", CurrentUser.roles());
        if (!model.containsAttribute("menu")) {
            @SuppressWarnings("unchecked")
            Set<String> roles = (Set<String>) model.getAttribute("currentRoles");
            model.addAttribute("menu", new MainMenu.Drawn(roles, diaryAlerts::openAlertCount));
        }
    }

    private static void addIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }

    /** Patients on their links and the sign-in page are not staff: no names are read for them. */
    private static boolean signedIn(String username) {
        return !CurrentUser.SYSTEM.equals(username) && !"anonymousUser".equals(username);
    }
}
