package org.synovia.dicom.encoding;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

/**
 * Specific Character Set (0008,0005) terms without code extensions (PS3.3 C.12.1.1.2) and the Java
 * character sets they name. Queries are read in any of them; answers use the default repertoire, Latin-1
 * (ISO_IR 100) or, only when a value needs it, UTF-8 (ISO_IR 192).
 */
public final class DicomCharsets {

    public static final String LATIN_1 = "ISO_IR 100";
    public static final String UTF_8 = "ISO_IR 192";

    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("ISO_IR 6", "US-ASCII"), Map.entry("ISO 2022 IR 6", "US-ASCII"),
            Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO 2022 IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"), Map.entry("ISO_IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"), Map.entry("ISO_IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"), Map.entry("ISO_IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"), Map.entry("ISO_IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 203", "ISO-8859-15"), Map.entry("ISO_IR 192", "UTF-8"));

    private DicomCharsets() {
    }

    /**
     * The character set a data set's text is in. Without the attribute the default repertoire applies; it is
     * read as Latin-1 so that a stray byte from a careless sender becomes a letter, not an error.
     */
    public static Charset of(Dataset dataset) throws DicomFormatException {
        String term = dataset.ascii(Tag.SPECIFIC_CHARACTER_SET);
        if (term == null || term.isBlank()) {
            return StandardCharsets.ISO_8859_1;
        }
        // A multi-valued term declares code extensions; its first value is the one in force at the start.
        String first = term.split("\\\\", -1)[0].strip();
        if (first.isEmpty()) {
            return StandardCharsets.ISO_8859_1;
        }
        String javaName = JAVA_NAMES.get(first);
        if (javaName == null) {
            throw new DicomFormatException("Specific Character Set '" + term + "' is not supported");
        }
        return Charset.forName(javaName);
    }

    /** The term the given texts need: null for the default repertoire, else Latin-1 or UTF-8. */
    public static String termFor(Collection<String> texts) {
        // Checked by character rather than with a new encoder per text: this runs for every value of every answer.
        boolean ascii = true;
        for (String text : texts) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c > 0xFF) {
                    return UTF_8;
                }
                ascii &= c < 0x80;
            }
        }
        return ascii ? null : LATIN_1;
    }

    public static Charset charsetFor(String term) {
        return term == null ? StandardCharsets.US_ASCII : Charset.forName(JAVA_NAMES.get(term));
    }
}
