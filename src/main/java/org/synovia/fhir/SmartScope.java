package org.synovia.fhir;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SMART-style system scope, such as {@code system/ServiceRequest.c} or {@code system/*.rs}: a resource
 * type (or {@code *}) and the interactions it allows, c(reate), r(ead), u(pdate), d(elete), s(earch). The
 * SMART v1 forms {@code .read} (r and s), {@code .write} (c, u and d) and {@code .*} (all) are understood too.
 */
public record SmartScope(String resourceType, String permissions) {

    private static final Pattern SYNTAX = Pattern.compile("system/(\\*|[A-Z][A-Za-z]{1,63})\\.(c?r?u?d?s?|read|write|\\*)");

    public SmartScope {
        if (resourceType == null || permissions == null || permissions.isEmpty()) {
            throw new IllegalArgumentException("A scope needs a resource type and permissions.");
        }
    }

    /** Parses one scope; throws {@link IllegalArgumentException} with a readable reason when it is malformed. */
    public static SmartScope parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text.strip());
        if (!m.matches() || m.group(2).isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not a scope like system/Patient.rs or system/*.rs.");
        }
        String permissions = switch (m.group(2)) {
            case "read" -> "rs";
            case "write" -> "cud";
            case "*" -> "cruds";
            default -> m.group(2);
        };
        return new SmartScope(m.group(1), permissions);
    }

    /** Whether this scope allows the interaction (one of c, r, u, d, s) on the resource type. */
    public boolean allows(String type, char interaction) {
        return ("*".equals(resourceType) || resourceType.equals(type))
                && permissions.indexOf(Character.toLowerCase(interaction)) >= 0;
    }

    @Override
    public String toString() {
        return "system/" + resourceType + "." + permissions.toLowerCase(Locale.ROOT);
    }
}
