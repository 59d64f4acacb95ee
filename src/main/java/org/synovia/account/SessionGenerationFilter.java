package org.synovia.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session at its next request once its account has been disabled or its password changed or reset:
 * the session remembers the account's session generation at sign-in, and every change that must end sessions raises
 * the number in the database, so all instances agree (ADR 0052). Sessions without the number (none made by the sign-in
 * form) are left alone. The same read gives the version of staff names, which the page's names are checked against.
 */
class SessionGenerationFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = SessionGenerationFilter.class.getName() + ".generation";

    private final UserAccountRepository accounts;

    SessionGenerationFilter(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Called by Spring Security's event after a form sign-in, with the new session already in place. */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            accounts.sessionGeneration(event.getAuthentication().getName())
                    .ifPresent(generation -> attributes.getRequest().getSession().setAttribute(ATTRIBUTE, generation));
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object remembered = session == null ? null : session.getAttribute(ATTRIBUTE);
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (remembered instanceof Integer generation && who != null && who.isAuthenticated()
                && !(who instanceof AnonymousAuthenticationToken)) {
            // The staff-names version comes with the check, so the page's names cost no statement (ADR 0113).
            UserAccountRepository.SessionCheck current = accounts.sessionCheck(who.getName());
            StaffNamesCache.seen(request, current.staffNamesVersion());
            if (!generation.equals(current.generation())) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
