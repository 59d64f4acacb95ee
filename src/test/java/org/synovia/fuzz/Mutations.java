package org.synovia.fuzz;

import java.util.List;
import java.util.Random;

/**
 * The values the fuzz round puts where a valid request had its own: boundaries (empty, one character, the shared
 * form limit and one over, ten times over), numbers that do not fit, dates that do not exist, text no person types,
 * and the usual injections. None of them contains the words the oracle looks for, so an echo is never a false leak.
 */
final class Mutations {

    /** The longest text a form or API field takes ({@code FormInput}); one over and ten times over are tried. */
    static final int TEXT_LIMIT = 1_000;

    static final String SCRIPT = "<script>alert(7)</script>";

    private static final List<String> TEXT = List.of(
            "", " ", "x", "0", "-1", "x".repeat(TEXT_LIMIT), "x".repeat(TEXT_LIMIT + 1), "x".repeat(10 * TEXT_LIMIT),
            "2147483648", "-2147483649", "9223372036854775808", "1e400", "-1e400", "NaN", "Infinity", "-Infinity",
            "0.0000000000000000000001", "1" + "0".repeat(400), "12.5.3", "0x1F", "１２", "true", "null", "undefined",
            "0000-01-01", "9999-12-31", "2027-02-29", "2028-02-29", "2027-03-28T01:30", "2027-13-01", "2027-01-32",
            "-0001-01-01", "+10000-01-01", "25:61", "00:00", "23:59:60",
            "\u05e9\u05dc\u05d5\u05dd \u202eevil", "e\u0301\u0301\u0301\u0301", "\ud83d\udc89\ud83e\uddb4", "\u0000",
            "a\u0000b", "\u0007\u001b[2J", "line\r\nX-Injected: 1", "\uFEFF", "\uFFFF", "\u2028\u2029",
            "' OR '1'='1", "'; DROP TABLE patient; --", "\") OR 1=1 --", "%' AND 1=1 AND '%'='", "\\", "\\'",
            SCRIPT, "\"><img src=x onerror=alert(7)>", "${7*7}", "[[${7*7}]]", "#{7*7}", "*{T(Integer).MAX_VALUE}",
            "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%00", "%s%s%s%n", "{{link}}",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "not-a-uuid",
            "HIP_JOINT", "LEFT", "RIGHT", "BOTH", "UNKNOWN", "ROUTINE", "URGENT", "on", "off", "yes");

    private Mutations() {
    }

    static String text(Random random) {
        if (random.nextInt(8) == 0) {
            return noise(random, random.nextInt(64) + 1);
        }
        return TEXT.get(random.nextInt(TEXT.size()));
    }

    /** Characters drawn from the whole of UTF-16, lone surrogates included. */
    static String noise(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5F);
                case 2 -> 0xD800 + random.nextInt(0x800);
                default -> random.nextInt(0x10000);
            });
        }
        return text.toString();
    }

    private static final List<String> JSON = List.of(
            "null", "true", "0", "-1", "1e400", "-1e400", "1" + "0".repeat(400), "0.1e-400", "NaN", "Infinity",
            "\"\"", "\"x\"", "\"" + "x".repeat(TEXT_LIMIT + 1) + "\"", "\"" + "x".repeat(10 * TEXT_LIMIT) + "\"",
            "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\udc89\"", "\"\\u202e\"", "\"a\\r\\nb\"",
            "\"9999-12-31\"", "\"0000-01-01\"", "\"2027-02-29\"", "\"2027-03-28T01:30:00Z\"", "\"2027-03-28T01:30\"",
            "\"' OR '1'='1\"", "\"" + SCRIPT + "\"", "\"${7*7}\"", "\"../../etc/passwd\"", "[]", "{}", "[null]",
            "[[[[[[[[[[]]]]]]]]]]", "{\"a\":{\"a\":{\"a\":{}}}}", "[" + "1,".repeat(5_000) + "1]",
            "\"HIP_JOINT\"", "\"LEFT\"", "\"UNKNOWN\"", "\"YES\"", "2147483648", "-2147483649", "9.999999999999999e308",
            "\"\\\"\"", "\"\\\\\"", "\"\\x\"", "'single'", "tru", "01", ".5", "+1", "0x10");

    /** A JSON value, or something in its place that is not quite one. */
    static String json(Random random) {
        int pick = random.nextInt(JSON.size() + 6);
        if (pick < JSON.size()) {
            return JSON.get(pick);
        }
        return switch (pick - JSON.size()) {
            case 0 -> "[".repeat(3_000) + "]".repeat(3_000);
            case 1 -> "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
            case 2 -> "\"" + noise(random, 40).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case 3 -> "\"" + escaped(noise(random, 20)) + "\"";
            case 4 -> "[" + json(random) + "," + json(random) + "]";
            default -> "{\"" + text(random).replace("\"", "") + "\":" + json(random) + "}";
        };
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }
}
