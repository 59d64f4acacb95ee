package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTests {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, Appendix B: eight-digit codes for each seed and time. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void givesTheCodesOfTheRfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.stepAt(Instant.ofEpochSecond(seconds));

        assertThat(Totp.code(SHA1_SEED, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_SEED, step, 8, "HmacSHA256")).isEqualTo(sha256);
        assertThat(Totp.code(SHA512_SEED, step, 8, "HmacSHA512")).isEqualTo(sha512);
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeAndAfterButNotTwoAway() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.stepAt(now);

        for (long offset = -1; offset <= 1; offset++) {
            assertThat(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step + offset, 6, "HmacSHA1"), now, 0))
                    .isEqualTo(OptionalLong.of(step + offset));
        }
        assertThat(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step - 2, 6, "HmacSHA1"), now, 0)).isEmpty();
        assertThat(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step + 2, 6, "HmacSHA1"), now, 0)).isEmpty();
    }

    @Test
    void refusesACodeOfAStepAlreadyUsed() {
        Instant now = Instant.ofEpochSecond(1_234_567_890);
        long step = Totp.stepAt(now);
        String code = Totp.code(SHA1_SEED, step, 6, "HmacSHA1");

        assertThat(Totp.match(SHA1_SEED, code, now, step - 1)).hasValue(step);
        assertThat(Totp.match(SHA1_SEED, code, now, step)).isEmpty();
        assertThat(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step - 1, 6, "HmacSHA1"), now, step)).isEmpty();
    }

    @Test
    void readsACodeTypedWithASpaceAndRefusesOneOfTheWrongShape() {
        Instant now = Instant.ofEpochSecond(59);
        String code = Totp.code(SHA1_SEED, Totp.stepAt(now), 6, "HmacSHA1");

        assertThat(Totp.match(SHA1_SEED, code.substring(0, 3) + " " + code.substring(3), now, 0)).isPresent();
        assertThat(Totp.match(SHA1_SEED, "12345", now, 0)).isEmpty();
        assertThat(Totp.match(SHA1_SEED, "12345a", now, 0)).isEmpty();
        assertThat(Totp.match(SHA1_SEED, null, now, 0)).isEmpty();
    }

    /** RFC 4648, section 10, without padding. */
    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void encodesAndDecodesBase32AsRfc4648(String text, String base32) {
        assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
        assertThat(Base32.decode(base32.toLowerCase() + "==")).isEqualTo(text.getBytes(StandardCharsets.US_ASCII));
    }
}
