package org.synovia.dicom.encoding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a data set in implicit or explicit VR little endian (PS3.5 7.1), with sequences of defined and
 * undefined length (PS3.5 7.5). Every length is checked against what is left, so a truncated or lying
 * message ends in a {@link DicomFormatException}, never in a read past the end or a huge allocation.
 */
public final class DatasetReader {

    static final Set<String> FOUR_BYTE_LENGTH_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    /** Deeper nesting than any worklist query needs; stops a crafted message from exhausting the stack. */
    static final int MAX_DEPTH = 8;

    private final ByteBuffer buffer;
    private final boolean explicitVr;

    private DatasetReader(byte[] data, boolean explicitVr) {
        this.buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        this.explicitVr = explicitVr;
    }

    public static Dataset read(byte[] data, boolean explicitVr) throws DicomFormatException {
        DatasetReader reader = new DatasetReader(data, explicitVr);
        Dataset dataset = new Dataset();
        reader.readElements(dataset, data.length, false, 0);
        return dataset;
    }

    /** Reads elements up to {@code end}, or, when {@code undefined}, up to an item delimiter. */
    private void readElements(Dataset dataset, long end, boolean undefined, int depth) throws DicomFormatException {
        while (undefined || buffer.position() < end) {
            need(8, "an element header");
            int tag = readTag();
            if (tag == Tag.ITEM_DELIMITATION) {
                buffer.getInt();
                if (!undefined) {
                    throw new DicomFormatException("Item delimiter inside an item of defined length at " + (buffer.position() - 8));
                }
                return;
            }
            if (Tag.group(tag) == 0xFFFE) {
                throw new DicomFormatException("Unexpected " + Tag.toString(tag) + " among data elements");
            }
            String vr;
            long length;
            if (explicitVr) {
                vr = new String(new byte[] { buffer.get(), buffer.get() }, StandardCharsets.US_ASCII);
                if (!vr.matches("[A-Z]{2}")) {
                    throw new DicomFormatException("Invalid VR '" + vr.replaceAll("\\P{Print}", "?") + "' for " + Tag.toString(tag));
                }
                if (FOUR_BYTE_LENGTH_VRS.contains(vr)) {
                    need(6, "the length of " + Tag.toString(tag));
                    buffer.getShort();
                    length = Integer.toUnsignedLong(buffer.getInt());
                }
                else {
                    length = Short.toUnsignedInt(buffer.getShort());
                }
            }
            else {
                vr = Dictionary.vrOf(tag);
                length = Integer.toUnsignedLong(buffer.getInt());
            }
            if (vr.equals("SQ") || (length == UNDEFINED_LENGTH && vr.equals("UN"))) {
                if (depth >= MAX_DEPTH) {
                    throw new DicomFormatException("Sequences nested deeper than " + MAX_DEPTH);
                }
                dataset.putSequence(tag, readItems(tag, length, depth + 1));
                continue;
            }
            if (length == UNDEFINED_LENGTH) {
                throw new DicomFormatException("Undefined length for " + Tag.toString(tag) + " (" + vr + ")");
            }
            need(length, "the value of " + Tag.toString(tag));
            byte[] value = new byte[(int) length];
            buffer.get(value);
            dataset.put(new Element(tag, vr, value, null));
        }
        if (buffer.position() != end) {
            throw new DicomFormatException("An element runs past the end of its item or data set");
        }
    }

    private List<Dataset> readItems(int sequenceTag, long length, int depth) throws DicomFormatException {
        boolean undefined = length == UNDEFINED_LENGTH;
        if (!undefined) {
            need(length, "the sequence " + Tag.toString(sequenceTag));
        }
        long end = undefined ? -1 : buffer.position() + length;
        List<Dataset> items = new ArrayList<>();
        while (undefined || buffer.position() < end) {
            need(8, "an item header in " + Tag.toString(sequenceTag));
            int tag = readTag();
            long itemLength = Integer.toUnsignedLong(buffer.getInt());
            if (tag == Tag.SEQUENCE_DELIMITATION) {
                if (!undefined) {
                    throw new DicomFormatException("Sequence delimiter inside a sequence of defined length");
                }
                return items;
            }
            if (tag != Tag.ITEM) {
                throw new DicomFormatException("Expected an item in " + Tag.toString(sequenceTag) + ", found " + Tag.toString(tag));
            }
            Dataset item = new Dataset();
            if (itemLength == UNDEFINED_LENGTH) {
                readElements(item, -1, true, depth);
            }
            else {
                need(itemLength, "an item of " + Tag.toString(sequenceTag));
                readElements(item, buffer.position() + itemLength, false, depth);
            }
            if (!undefined && buffer.position() > end) {
                throw new DicomFormatException("An item runs past the end of " + Tag.toString(sequenceTag));
            }
            items.add(item);
        }
        return items;
    }

    private int readTag() {
        int group = Short.toUnsignedInt(buffer.getShort());
        int element = Short.toUnsignedInt(buffer.getShort());
        return group << 16 | element;
    }

    private void need(long bytes, String what) throws DicomFormatException {
        if (bytes > buffer.remaining()) {
            throw new DicomFormatException("Truncated data: " + what + " needs " + bytes + " bytes, " + buffer.remaining()
                    + " left");
        }
    }
}
