package org.synovia.dicom.encoding;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Writes a data set in implicit or explicit VR little endian. Values are padded to an even length (PS3.5
 * 7.1.1): UIDs and binary values with a NUL byte, text with a space. Sequences and items are written with
 * defined lengths.
 */
public final class DatasetWriter {

    private static final Set<String> NUL_PADDED = Set.of("UI", "OB", "UN");

    private DatasetWriter() {
    }

    public static byte[] write(Dataset dataset, boolean explicitVr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Element element : dataset.elements()) {
            writeElement(out, element, explicitVr);
        }
        return out.toByteArray();
    }

    /** A command set (always implicit VR, PS3.7 6.3.1) with its group length computed first. */
    public static byte[] writeCommand(Dataset command) {
        Dataset withoutLength = new Dataset();
        command.elements().stream().filter(e -> e.tag() != Tag.COMMAND_GROUP_LENGTH).forEach(withoutLength::put);
        byte[] body = write(withoutLength, false);
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 0).putInt(4).putInt(body.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void writeElement(ByteArrayOutputStream out, Element element, boolean explicitVr) {
        byte[] value;
        if (element.isSequence()) {
            ByteArrayOutputStream items = new ByteArrayOutputStream();
            for (Dataset item : element.items()) {
                byte[] content = write(item, explicitVr);
                header(items, Tag.ITEM, null, content.length, false);
                items.writeBytes(content);
            }
            value = items.toByteArray();
        }
        else {
            value = padded(element.value(), element.vr());
        }
        header(out, element.tag(), element.vr(), value.length, explicitVr);
        out.writeBytes(value);
    }

    private static void header(ByteArrayOutputStream out, int tag, String vr, int length, boolean explicitVr) {
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) (tag >>> 16)).putShort((short) tag);
        if (explicitVr && vr != null) {
            header.put(vr.getBytes(StandardCharsets.US_ASCII));
            if (DatasetReader.FOUR_BYTE_LENGTH_VRS.contains(vr)) {
                header.putShort((short) 0).putInt(length);
            }
            else {
                if (length > 0xFFFF) {
                    throw new IllegalArgumentException(Tag.toString(tag) + " is too long for VR " + vr);
                }
                header.putShort((short) length);
            }
        }
        else {
            header.putInt(length);
        }
        out.write(header.array(), 0, header.position());
    }

    private static byte[] padded(byte[] value, String vr) {
        if (value.length % 2 == 0) {
            return value;
        }
        byte[] padded = java.util.Arrays.copyOf(value, value.length + 1);
        padded[value.length] = NUL_PADDED.contains(vr) ? 0 : (byte) ' ';
        return padded;
    }
}
