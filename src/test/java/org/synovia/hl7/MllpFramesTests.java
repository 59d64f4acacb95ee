package org.synovia.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** MLLP framing at, just under and just over the limit, and frames that never end. */
class MllpFramesTests {

    private static final int LIMIT = 16;

    private static MllpFrames frames(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return new MllpFrames(new ByteArrayInputStream(all.toByteArray()), LIMIT);
    }

    private static byte[] framed(String text) {
        return MllpFrames.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsFramesUpToTheLimitWholeAndIgnoresBytesBetweenThem() throws IOException {
        MllpFrames frames = frames("noise".getBytes(StandardCharsets.US_ASCII), framed("x".repeat(LIMIT - 1)),
                "\r\n".getBytes(StandardCharsets.US_ASCII), framed("y".repeat(LIMIT)));

        MllpFrames.Frame under = frames.next();
        MllpFrames.Frame at = frames.next();

        assertThat(new String(under.data(), StandardCharsets.US_ASCII)).isEqualTo("x".repeat(LIMIT - 1));
        assertThat(under.tooLarge()).isFalse();
        assertThat(under.complete()).isTrue();
        assertThat(new String(at.data(), StandardCharsets.US_ASCII)).isEqualTo("y".repeat(LIMIT));
        assertThat(at.tooLarge()).isFalse();
        assertThat(frames.next()).as("end of stream between frames").isNull();
    }

    @Test
    void keepsOnlyTheLimitOfALargerFrameAndReadsOnToItsEnd() throws IOException {
        MllpFrames frames = frames(framed("z".repeat(LIMIT + 1)), framed("next"));

        MllpFrames.Frame over = frames.next();

        assertThat(over.tooLarge()).isTrue();
        assertThat(over.complete()).isTrue();
        assertThat(over.data()).hasSize(LIMIT);
        assertThat(new String(frames.next().data(), StandardCharsets.US_ASCII)).isEqualTo("next");
    }

    @Test
    void holdsNoMoreThanTheLimitOfAnEndlessFrame() throws IOException {
        // Ten megabytes that never end, produced on the fly: only the limit is kept.
        InputStream endless = new InputStream() {
            private long left = 10L * 1024 * 1024;
            private boolean started;

            @Override
            public int read() {
                if (!started) {
                    started = true;
                    return MllpFrames.START;
                }
                return left-- > 0 ? 'a' : -1;
            }
        };

        MllpFrames.Frame cut = new MllpFrames(endless, LIMIT).next();

        assertThat(cut.tooLarge()).isTrue();
        assertThat(cut.complete()).isFalse();
        assertThat(cut.data()).hasSize(LIMIT);
    }

    @Test
    void keepsASeparatorByteThatIsNotFollowedByCarriageReturn() throws IOException {
        byte[] text = {'a', MllpFrames.END, 'b'};

        MllpFrames.Frame frame = frames(MllpFrames.wrap(text)).next();

        assertThat(frame.data()).containsExactly(text);
    }
}
