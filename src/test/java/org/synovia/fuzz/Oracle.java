package org.synovia.fuzz;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What no answer may show, whatever it was sent: a server error, the name of an exception class, a Java package, a
 * stack frame, SQL or a database error, or (in a page) the fuzz round's own script tag unescaped. See ADR 0066.
 */
final class Oracle {

    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\b[A-Z][A-Za-z0-9]*(Exception|Error)\\b(?<!\\bError)"),
            Pattern.compile("\\bat (org|java|jdk|ca\\.uhn|com|sun)\\.[a-z]"),
            Pattern.compile("\\b(java|javax|jakarta|jdk|sun)\\.[a-z]+\\.[A-Za-z]"),
            Pattern.compile("\\borg\\.(synovia|springframework|postgresql|hibernate|thymeleaf|apache)\\."),
            Pattern.compile("ca\\.uhn\\.(fhir|hl7v2)\\."),
            Pattern.compile("SQLState|SQL state|syntax error at|relation \"|ERROR: |duplicate key value|violates "
                    + "(foreign key|check|not-null|unique) constraint|PSQLException|JdbcClient|bad SQL grammar",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bselect\\s+[\\w*,. ]{1,200}?\\s+from\\s+\\w+", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\.java:\\d+\\)"));

    private Oracle() {
    }

    /** The first thing this answer should not show, with a little of its surroundings, if any. */
    static Optional<String> leak(String answer, boolean html) {
        if (answer == null) {
            return Optional.empty();
        }
        for (Pattern pattern : LEAKS) {
            Matcher matcher = pattern.matcher(answer);
            if (matcher.find()) {
                return Optional.of(around(answer, matcher.start(), matcher.end()));
            }
        }
        if (html) {
            int script = answer.indexOf(Mutations.SCRIPT);
            if (script >= 0) {
                return Optional.of("unescaped: " + around(answer, script, script + Mutations.SCRIPT.length()));
            }
        }
        return Optional.empty();
    }

    private static String around(String text, int start, int end) {
        return text.substring(Math.max(0, start - 60), Math.min(text.length(), end + 60)).replaceAll("\\s+", " ");
    }
}
