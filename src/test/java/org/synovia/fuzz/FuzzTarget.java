package org.synovia.fuzz;

import java.util.List;
import java.util.Random;

/** One interface under fuzz: draws inputs from its corpus of valid requests and sends them for real. */
interface FuzzTarget {

    String name();

    /** A valid request with one to three mutations, drawn from {@code random} alone, so a seed replays it. */
    Input draw(Random random);

    /** Sends the input and returns what came back; a timeout is a hang. */
    Answer send(Input input) throws Exception;

    /** The mutations applied to one corpus entry; {@code where} and {@code value} are read by the target. */
    record Input(int corpusEntry, List<Mutation> mutations) {

        Input only(Mutation mutation) {
            return new Input(corpusEntry, List.of(mutation));
        }

        @Override
        public String toString() {
            return "entry " + corpusEntry + " " + mutations;
        }
    }

    record Mutation(String where, String value) {

        @Override
        public String toString() {
            String shown = value.length() > 80 ? value.substring(0, 60) + "…(" + value.length() + " chars)" : value;
            return where + "=" + escapeControls(shown);
        }

        private static String escapeControls(String text) {
            StringBuilder out = new StringBuilder();
            text.chars().forEach(c -> out.append(c < 0x20 || (c >= 0xD800 && c < 0xE000) || c == 0x7F
                    ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            return out.toString();
        }
    }

    /**
     * What came back: an HTTP status (HL7 and DICOM answers are mapped onto one: accepted 200, refused 4xx, failed
     * 5xx), the text to check, whether it is a page, and the id of any record the request says it created.
     */
    record Answer(int status, String text, boolean html, String created) {

        static final int CLOSED = -1;
        /** An input the test side could not encode; not sent, not counted as an answer. */
        static final int SKIPPED = -2;

        static Answer of(int status, String text) {
            return new Answer(status, text, false, null);
        }
    }

    static List<Mutation> some(Random random, java.util.function.Supplier<Mutation> mutation) {
        int count = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
        List<Mutation> mutations = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            mutations.add(mutation.get());
        }
        return mutations;
    }
}
