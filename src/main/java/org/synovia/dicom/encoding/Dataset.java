package org.synovia.dicom.encoding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/** A data set (or a command set, or a sequence item): elements in ascending tag order. */
public final class Dataset {

    private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

    public Dataset put(Element element) {
        elements.put(element.tag(), element);
        return this;
    }

    public Dataset putString(int tag, String vr, String value, Charset charset) {
        return put(new Element(tag, vr, value == null ? new byte[0] : value.getBytes(charset), null));
    }

    /** A UID or another value of the default repertoire (PS3.5 6.1.2). */
    public Dataset putAscii(int tag, String vr, String value) {
        return putString(tag, vr, value, StandardCharsets.US_ASCII);
    }

    public Dataset putUnsignedShort(int tag, int value) {
        byte[] bytes = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array();
        return put(new Element(tag, "US", bytes, null));
    }

    public Dataset putSequence(int tag, List<Dataset> items) {
        return put(new Element(tag, "SQ", null, items));
    }

    public Element get(int tag) {
        return elements.get(tag);
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public Collection<Element> elements() {
        return elements.values();
    }

    public boolean isEmpty() {
        return elements.isEmpty();
    }

    /**
     * The value as text with its padding and insignificant spaces removed (PS3.5 6.2: trailing spaces for all
     * string VRs, leading ones too except for the free-text VRs), or null when the element is absent.
     */
    public String string(int tag, Charset charset) {
        Element element = elements.get(tag);
        if (element == null || element.isSequence()) {
            return null;
        }
        String text = new String(element.value(), charset);
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\0')) {
            end--;
        }
        text = text.substring(0, end);
        return switch (element.vr()) {
            case "LT", "ST", "UT" -> text;
            default -> text.stripLeading();
        };
    }

    public String ascii(int tag) {
        return string(tag, StandardCharsets.US_ASCII);
    }

    /** An unsigned short value, or -1 when absent or of the wrong length. */
    public int unsignedShort(int tag) {
        Element element = elements.get(tag);
        if (element == null || element.value().length != 2) {
            return -1;
        }
        return ByteBuffer.wrap(element.value()).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
    }

    /** The items of a sequence; empty when absent or not a sequence. */
    public List<Dataset> sequence(int tag) {
        Element element = elements.get(tag);
        return element == null || !element.isSequence() ? List.of() : element.items();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Element e : elements.values()) {
            text.append(Tag.toString(e.tag())).append(' ').append(e.vr()).append(' ');
            text.append(e.isSequence() ? e.items().toString() : "[" + e.value().length + " bytes]");
            text.append('\n');
        }
        return text.toString();
    }
}
