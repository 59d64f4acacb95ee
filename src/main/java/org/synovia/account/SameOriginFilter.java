package org.synovia.account;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A second check beside the CSRF token for staff pages (ADR 0062): a state-changing request whose {@code Origin}
 * (or, without one, {@code Referer}) names another site is refused with 403 and audited, even with a valid token (a
 * token leaked through a log, a cached page or a sibling application). Same-origin and configured origins pass; a
 * request with neither header (not sent by a browser) is left to the token alone. Only in the staff chain: the
 * JSON, FHIR, CDS Hooks and HL7 interfaces are stateless and carry no cookies to forge.
 */
class SameOriginFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final SameOriginProperties properties;
    private final SecurityAudit audit;

    SameOriginFilter(SameOriginProperties properties, SecurityAudit audit) {
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader("Origin") != null ? "Origin" : request.getHeader("Referer") != null ? "Referer" : null;
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        String claimed = request.getHeader(header);
        String origin = origin(claimed);
        String own = origin(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        if (origin != null && (origin.equals(own) || properties.trustedOrigins().contains(origin))) {
            chain.doFilter(request, response);
            return;
        }
        audit.crossOriginRefused(header + " " + truncate(claimed));
        response.sendError(HttpServletResponse.SC_FORBIDDEN, "This form was sent from another site.");
    }

    /** {@code scheme://host:port} in lower case with the scheme's default port made explicit; null when unreadable. */
    static String origin(String url) {
        if (url == null || url.isBlank() || url.equals("null")) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        }
        catch (URISyntaxException e) {
            return null;
        }
    }

    private static String truncate(String value) {
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }
}
