package org.synovia.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The SQL name filter of {@link Bookings#bookedProcedures} finds at least every name that Unicode case-insensitive
 * wildcard matching finds (ADR 0047, HAZ-92), whether PostgreSQL's lower() folds only ASCII (C locale) or all of
 * Unicode with full case mapping (ICU), as the statement gives it the name ({@code İ} replaced by {@code I}).
 */
class BookedProcedureFilterTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SM?TH*|SM_TH%",
            "50%_a\\|50\\%\\_a\\\\",
            "*|%",
            "Ab^C|Ab^C" })
    void turnsWildcardsIntoLikeAndTakesLikesOwnCharactersLiterally(String wildcard, String like) {
        assertThat(AppointmentRepository.like(wildcard)).isEqualTo(like);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MÜLLER^ZOË|m?ller^zo?",
            "Smith*|?m?th*",
            "O'BRIEN-JONES^A.|o'br?en-jone?^a.",
            "ΠΑΠΑΔΟΠ*|???????*" })
    void foldsAsciiLettersAndLeavesEveryOtherLetterOpen(String pattern, String loose) {
        assertThat(AppointmentRepository.asciiLetters(pattern)).isEqualTo(loose);
    }

    @Test
    void findsEveryNameThatCaseInsensitiveMatchingFinds() {
        List<String> names = List.of("Müller^Zoë", "Smith^Kim", "\u212Aelly^Sam", "Yıldız^Işık", "İnce^Ali", "Stra\u00DFe^Jo",
                "\u017Fmith^Pat", "Παπαδοπούλου^Ζωή", "Иванова^Анна", "O'Brien-Jones^A.", "Ng^\uD801\uDC00lice");
        List<String> patterns = List.of("MÜLLER^ZOË", "müller*", "KELLY^SAM", "kelly*", "*^KIM", "YILDIZ^*", "yıldız^işık",
                "INCE^ALI", "ince*", "STRASSE*", "STRAßE^JO", "smith^pat", "SMITH*", "ΠΑΠΑΔΟΠ*", "παπαδοπούλου^ζωή",
                "ИВАНОВА^АННА", "иван?ва*", "o'brien-jones^a.", "O?BRIEN*", "NG^\uD801\uDC28LICE", "ng^?lice", "*", "?*");
        for (String pattern : patterns) {
            Pattern exact = Pattern.compile(regex(pattern), Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            String like = AppointmentRepository.like(AppointmentRepository.asciiLetters(pattern));
            for (String name : names) {
                if (exact.matcher(name).matches()) {
                    String stored = name.replace("İ", "I");
                    assertThat(likeMatches(like, asciiLower(stored))).as("%s finds %s, C locale", pattern, name).isTrue();
                    assertThat(likeMatches(like, stored.toLowerCase(Locale.ROOT)))
                            .as("%s finds %s, full Unicode lower case (ICU)", pattern, name).isTrue();
                }
            }
        }
    }

    /** The worklist's wildcard rule (PS3.4 C.2.2.2.4): * any run, ? one character. */
    private static String regex(String wildcard) {
        StringBuilder regex = new StringBuilder();
        wildcard.codePoints().forEach(c -> regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(Character.toString(c))));
        return regex.toString();
    }

    /** LIKE as PostgreSQL reads it: % any run, _ one character, backslash escapes. */
    private static boolean likeMatches(String like, String text) {
        StringBuilder regex = new StringBuilder();
        int[] cps = like.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c == '\\' && i + 1 < cps.length) {
                regex.append(Pattern.quote(Character.toString(cps[++i])));
            }
            else {
                regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(Character.toString(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
    }

    private static String asciiLower(String text) {
        StringBuilder lower = new StringBuilder();
        text.codePoints().forEach(c -> lower.appendCodePoint(c < 128 ? Character.toLowerCase(c) : c));
        return lower.toString();
    }
}
