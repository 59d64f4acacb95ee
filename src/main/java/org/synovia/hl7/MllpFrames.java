package org.synovia.hl7;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads MLLP frames ({@code VT data FS CR}) from a connection, holding at most {@code limit} bytes of one frame in
 * memory: the rest of a larger frame is read and dropped, so that one sender cannot take the heap. Bytes between
 * frames are ignored, as the MLLP standard allows.
 */
final class MllpFrames {

    static final int START = 0x0B;
    static final int END = 0x1C;
    static final int CR = 0x0D;

    /**
     * One frame as read.
     *
     * @param data the whole frame, or its first {@code limit} bytes when it was larger
     * @param tooLarge the frame was larger than the limit
     * @param complete the frame ended with {@code FS CR}; false when the connection closed or went silent inside it
     */
    record Frame(byte[] data, boolean tooLarge, boolean complete) {
    }

    private final InputStream in;
    private final int limit;

    /** {@code in} should be buffered: frames are read a byte at a time. */
    MllpFrames(InputStream in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next frame, or null when the connection closed between frames. */
    Frame next() throws IOException {
        int b;
        do {
            b = in.read();
            if (b < 0) {
                return null;
            }
        } while (b != START);
        ByteArrayOutputStream data = new ByteArrayOutputStream(Math.min(limit, 8192));
        boolean tooLarge = false;
        int previous = -1;
        while (true) {
            try {
                b = in.read();
            } catch (java.net.SocketTimeoutException silent) {
                // A sender that stops in the middle of a frame: what came so far is logged, the connection closed.
                return new Frame(data.toByteArray(), tooLarge, false);
            }
            if (b < 0) {
                return new Frame(data.toByteArray(), tooLarge, false);
            }
            if (previous == END && b == CR) {
                return new Frame(data.toByteArray(), tooLarge, true);
            }
            if (previous >= 0) {
                if (data.size() < limit) {
                    data.write(previous);
                } else {
                    tooLarge = true;
                }
            }
            previous = b;
        }
    }

    static byte[] wrap(byte[] message) {
        byte[] framed = new byte[message.length + 3];
        framed[0] = START;
        System.arraycopy(message, 0, framed, 1, message.length);
        framed[framed.length - 2] = END;
        framed[framed.length - 1] = CR;
        return framed;
    }
}
