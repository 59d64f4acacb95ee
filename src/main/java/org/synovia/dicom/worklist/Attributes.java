package org.synovia.dicom.worklist;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DicomCharsets;
import org.synovia.dicom.encoding.DicomFormatException;
import org.synovia.dicom.encoding.Dictionary;
import org.synovia.dicom.encoding.Element;
import org.synovia.dicom.encoding.Tag;

/**
 * Attributes as Unicode text, so that matching never depends on how either side encoded its characters.
 * A value is a {@code String} or, for a sequence, a list of items.
 */
final class Attributes {

    private final Map<Integer, Object> values = new LinkedHashMap<>();
    private final Map<Integer, String> vrs = new LinkedHashMap<>();

    Attributes put(int tag, String value) {
        values.put(tag, value == null ? "" : value);
        return this;
    }

    Attributes put(int tag, List<Attributes> items) {
        values.put(tag, List.copyOf(items));
        return this;
    }

    /** A copy with only these keys (and their VRs). */
    Attributes only(java.util.Set<Integer> tags) {
        Attributes copy = new Attributes();
        values.forEach((tag, value) -> {
            if (tags.contains(tag)) {
                copy.values.put(tag, value);
                copy.vrs.put(tag, vr(tag));
            }
        });
        return copy;
    }

    Object get(int tag) {
        return values.get(tag);
    }

    String text(int tag) {
        return values.get(tag) instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    List<Attributes> items(int tag) {
        return values.get(tag) instanceof List<?> list ? (List<Attributes>) list : null;
    }

    Collection<Integer> tags() {
        return values.keySet();
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** Answers a key the dictionary does not know with the VR it was asked with. */
    Attributes keepVr(int tag, String vr) {
        vrs.put(tag, vr);
        return this;
    }

    /** The VR a key was asked with, or the dictionary's. */
    String vr(int tag) {
        return vrs.getOrDefault(tag, Dictionary.vrOf(tag));
    }

    /** A query identifier decoded in its own Specific Character Set. */
    static Attributes of(Dataset dataset) throws DicomFormatException {
        return of(dataset, DicomCharsets.of(dataset));
    }

    private static Attributes of(Dataset dataset, Charset charset) throws DicomFormatException {
        Attributes attributes = new Attributes();
        for (Element element : dataset.elements()) {
            if ((element.tag() & 0xFFFF) == 0) {
                continue;
            }
            if (element.isSequence()) {
                List<Attributes> items = new ArrayList<>();
                for (Dataset item : element.items()) {
                    items.add(of(item, charset));
                }
                attributes.put(element.tag(), items);
            }
            else {
                String value = dataset.string(element.tag(), charset);
                // UIDs are padded with a trailing NUL; one inside a value is no text a database or a person can match.
                if (value != null && hasInnerNul(value)) {
                    throw new DicomFormatException(String.format("(%04X,%04X) contains a NUL character",
                            element.tag() >>> 16, element.tag() & 0xFFFF));
                }
                attributes.put(element.tag(), value);
            }
            attributes.keepVr(element.tag(), element.vr());
        }
        return attributes;
    }

    private static boolean hasInnerNul(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '\u0000') {
            end--;
        }
        return value.lastIndexOf('\u0000', end - 1) >= 0;
    }

    /** Encoded in the character set its text needs (PS3.5 6.1), with that set named when not the default. */
    Dataset toDataset() {
        List<String> texts = new ArrayList<>();
        collectTexts(texts);
        String term = DicomCharsets.termFor(texts);
        Dataset dataset = toDataset(DicomCharsets.charsetFor(term));
        if (term != null) {
            dataset.putAscii(Tag.SPECIFIC_CHARACTER_SET, "CS", term);
        }
        return dataset;
    }

    private Dataset toDataset(Charset charset) {
        Dataset dataset = new Dataset();
        values.forEach((tag, value) -> {
            if (value instanceof String text) {
                dataset.putString(tag, vr(tag), text, charset);
            }
            else {
                dataset.putSequence(tag, items(tag).stream().map(item -> item.toDataset(charset)).toList());
            }
        });
        return dataset;
    }

    private void collectTexts(List<String> texts) {
        values.forEach((tag, value) -> {
            if (value instanceof String text) {
                texts.add(text);
            }
            else {
                items(tag).forEach(item -> item.collectTexts(texts));
            }
        });
    }

    /**
     * Every key with its VR and value, items included, as one text: two identifiers with the same signature are
     * matched and projected alike. Values carry their length, so that no value can pass for a key.
     */
    String signature() {
        StringBuilder text = new StringBuilder(256);
        appendSignature(text);
        return text.toString();
    }

    private void appendSignature(StringBuilder text) {
        text.append('{');
        values.forEach((tag, value) -> {
            text.append(tag).append(' ').append(vr(tag)).append(' ');
            if (value instanceof String string) {
                text.append(string.length()).append(':').append(string);
            }
            else {
                text.append('[');
                items(tag).forEach(item -> item.appendSignature(text));
                text.append(']');
            }
            text.append(';');
        });
        text.append('}');
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
