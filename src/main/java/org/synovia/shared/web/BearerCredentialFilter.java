package org.synovia.shared.web;

import java.io.IOException;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates a call that carries {@code Authorization: Bearer …} for the rest of its filter chain, or refuses it;
 * a call without a bearer credential passes on to whatever authentication comes next (HTTP Basic).
 */
public abstract class BearerCredentialFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    /**
     * Who the credential names, or empty once the refusal has been written to {@code response}.
     */
    protected abstract Optional<Authentication> authenticate(String credential, HttpServletRequest request,
            HttpServletResponse response) throws IOException;

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> caller = authenticate(header.substring(PREFIX.length()).strip(), request, response);
        if (caller.isEmpty()) {
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(caller.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
