package org.synovia.patient;

/**
 * The byte-wise range that holds every text starting with a prefix: from the prefix itself up to, not including, the
 * prefix with its last character raised by one. In UTF-8, byte order is code point order, so PostgreSQL's pattern
 * operators ({@code ~>=~}, {@code ~<~}) compare the same way and a {@code text_pattern_ops} index can serve the range
 * whatever the database's collation (ADR 0114).
 */
final class PrefixRange {

    private PrefixRange() {
    }

    /**
     * Whether a prefix is better searched by its range. A single character matches a large share of all names
     * (about 9% at 100,000 patients): collecting every match to sort them for the first page costs more than walking
     * the name index in its order until the page is full, which the plain {@code LIKE} does (ADR 0114).
     */
    static boolean worthARange(String prefix) {
        return prefix.codePointCount(0, prefix.length()) >= 2;
    }

    /**
     * The smallest text above every text that starts with {@code prefix}; null when there is none (a prefix of only
     * the highest code point), and then the caller searches without the range.
     */
    static String above(String prefix) {
        int end = prefix.length();
        while (end > 0) {
            int last = prefix.codePointBefore(end);
            int start = end - Character.charCount(last);
            if (last < Character.MAX_CODE_POINT) {
                int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
                return prefix.substring(0, start) + Character.toString(next);
            }
            end = start;
        }
        return null;
    }
}
