package org.synovia.shared.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Text and links of list rows, made once per row in Java instead of by the template: a 50-row page that formats
 * dates with {@code #temporals} and builds links with {@code @{…}} pays for a pattern parse, a URL-encoding pass
 * through the response and several expression evaluations per cell (ADR 0105). The text is the same: the
 * request's locale (as the template's) and, for instants, the service's time zone.
 */
public final class RowText {

    private static final Map<String, DateTimeFormatter> PATTERNS = new ConcurrentHashMap<>();

    private RowText() {
    }

    /** {@code value} in {@code pattern} (as {@code #temporals.format}) in the request's locale; "" when null. */
    public static String format(TemporalAccessor value, String pattern) {
        if (value == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return PATTERNS.computeIfAbsent(pattern, DateTimeFormatter::ofPattern).withLocale(locale).format(value);
    }

    /** An instant in {@code pattern} as seen in {@code zone}; "" when null. */
    public static String format(Instant value, ZoneId zone, String pattern) {
        return value == null ? "" : format(value.atZone(zone), pattern);
    }

    /** An application path ("/referrals/…") as a link of this request: behind the servlet's context path. */
    public static String link(String path) {
        return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getContextPath() : "") + path;
    }
}
