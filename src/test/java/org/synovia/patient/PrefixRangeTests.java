package org.synovia.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PrefixRangeTests {

    @ParameterizedTest
    @CsvSource({ "smi, smj", "o', o(", "smith-, smith.", "é, ê", "a, b", "z, {" })
    void raisesTheLastCharacterByOne(String prefix, String above) {
        assertThat(PrefixRange.above(prefix)).isEqualTo(above);
    }

    @Test
    void rangesPrefixesOfTwoCharactersOrMore() {
        assertThat(PrefixRange.worthARange("b")).isFalse();
        assertThat(PrefixRange.worthARange(Character.toString(0x1F600))).isFalse();
        assertThat(PrefixRange.worthARange("ba")).isTrue();
    }

    @Test
    void stepsOverTheSurrogatesAndRaisesCharactersOutsideTheBasicPlane() {
        assertThat(PrefixRange.above("a\uD7FF")).isEqualTo("a\uE000");
        assertThat(PrefixRange.above("a" + Character.toString(0x1F600))).isEqualTo("a" + Character.toString(0x1F601));
    }

    @Test
    void raisesTheCharacterBeforeTrailingHighestCodePoints() {
        String highest = Character.toString(Character.MAX_CODE_POINT);
        assertThat(PrefixRange.above("ab" + highest + highest)).isEqualTo("ac");
        assertThat(PrefixRange.above(highest)).isNull();
    }

    @Test
    void holdsEveryTextStartingWithThePrefixInByteOrder() {
        for (String prefix : new String[] { "smi", "o'", "é", "zz" }) {
            String above = PrefixRange.above(prefix);
            for (String text : new String[] { prefix, prefix + "th", prefix + "\uFFFF", prefix + Character.toString(0x10FFFF) }) {
                assertThat(utf8(text).compareTo(utf8(prefix))).isGreaterThanOrEqualTo(0);
                assertThat(utf8(text).compareTo(utf8(above))).isNegative();
            }
        }
    }

    /** The text's UTF-8 bytes as unsigned chars, so that String order is byte order. */
    private static String utf8(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            out.append((char) (b & 0xff));
        }
        return out.toString();
    }
}
