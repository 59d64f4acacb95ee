package org.synovia.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DatasetWriter;
import org.synovia.dicom.encoding.DicomFormatException;
import org.synovia.dicom.encoding.Element;
import org.synovia.dicom.encoding.Tag;
import org.synovia.dicom.net.PduException;
import org.synovia.dicom.net.Pdus;
import org.synovia.dicom.net.TestScu;
import org.synovia.dicom.net.Uids;

/**
 * Modality worklist C-FIND over real loopback associations, as a modality asks: a query from the corpus (every
 * step, a station's room, a day, a patient by name, id or accession number), mutated in an attribute's value,
 * its VR, its character set, its bytes, or the calling AE title. A query must get a final status, never "unable
 * to process"; an unknown calling title must be refused at association.
 */
final class DicomTarget implements FuzzTarget {

    private static final int[] TEXT_TAGS = { Tag.PATIENT_NAME, Tag.PATIENT_ID, Tag.ACCESSION_NUMBER,
            Tag.PATIENT_BIRTH_DATE, Tag.PATIENT_SEX, Tag.REQUESTED_PROCEDURE_ID, Tag.STUDY_INSTANCE_UID,
            Tag.SPECIFIC_CHARACTER_SET, Tag.SCHEDULED_STATION_AE_TITLE, Tag.SCHEDULED_PROCEDURE_STEP_START_DATE,
            Tag.SCHEDULED_PROCEDURE_STEP_START_TIME, Tag.MODALITY, Tag.SCHEDULED_PERFORMING_PHYSICIAN_NAME,
            Tag.SCHEDULED_PROCEDURE_STEP_ID };
    private static final List<String> DICOM_VALUES = List.of("*", "?", "**", "A*B?C", "-", "20270112-",
            "-20270112", "20270112-20270101", "20270112", "99999999", "00000000", "20270229", "2027011", "20270112-20270112-",
            "000000-235959", "2400", "093000.000000", "ISO_IR 192", "ISO_IR 100", "ISO 2022 IR 87", "\\ISO_IR 100",
            "GB18030", "UNKNOWN", "US", "CT", "MR\\CT", "F", "M", "O", "X", "=", "^^^^", "Smith^John=ヤマダ^タロウ",
            "TESTSCU", "MODALITY1", "");
    private static final List<String> VRS = List.of("PN", "LO", "SH", "DA", "TM", "CS", "AE", "UI", "SQ", "UN", "OB",
            "US", "XX", "  ");
    private static final List<String> CALLING = List.of("TESTSCU", "TESTSCU", "TESTSCU", "MODALITY1", "UNKNOWNAE",
            "", " ", "TESTSCU\u0000", "testscu", "ÄÖÜ", "x".repeat(16));

    private final int port;
    private int messageId;

    DicomTarget(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "dicom";
    }

    @Override
    public Input draw(Random random) {
        int entry = random.nextInt(5);
        return new Input(entry, FuzzTarget.some(random, () -> {
            int tag = TEXT_TAGS[random.nextInt(TEXT_TAGS.length)];
            return switch (random.nextInt(16)) {
                case 0 -> new Mutation("calling", CALLING.get(random.nextInt(CALLING.size())));
                case 1 -> new Mutation("vr:" + Integer.toHexString(tag), VRS.get(random.nextInt(VRS.size())));
                case 2 -> new Mutation("bytes", List.of("truncate", "noise", "empty", "odd-length", "explicit-mismatch")
                        .get(random.nextInt(5)) + "@" + random.nextInt(10_000));
                case 3, 4, 5, 6, 7 -> new Mutation("value:" + Integer.toHexString(tag), DICOM_VALUES.get(random.nextInt(DICOM_VALUES.size())));
                default -> new Mutation("value:" + Integer.toHexString(tag), Mutations.text(random));
            };
        }));
    }

    /** The queries a modality sends: all steps; its room's for a day; by name; by patient id; by accession number. */
    private static Dataset query(int entry) {
        Dataset step = new Dataset().putAscii(Tag.SCHEDULED_STATION_AE_TITLE, "AE", entry == 1 ? "TESTSCU" : "")
                .putAscii(Tag.SCHEDULED_PROCEDURE_STEP_START_DATE, "DA", entry == 1 ? "20270112" : "")
                .putAscii(Tag.SCHEDULED_PROCEDURE_STEP_START_TIME, "TM", "").putAscii(Tag.MODALITY, "CS", "")
                .putAscii(Tag.SCHEDULED_PERFORMING_PHYSICIAN_NAME, "PN", "")
                .putAscii(Tag.SCHEDULED_PROCEDURE_STEP_ID, "SH", "");
        return new Dataset().putAscii(Tag.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 192")
                .putAscii(Tag.PATIENT_NAME, "PN", entry == 2 ? "Smith*" : "")
                .putAscii(Tag.PATIENT_ID, "LO", entry == 3 ? "9434765919" : "")
                .putAscii(Tag.ACCESSION_NUMBER, "SH", entry == 4 ? "A12345" : "")
                .putAscii(Tag.PATIENT_BIRTH_DATE, "DA", "").putAscii(Tag.PATIENT_SEX, "CS", "")
                .putAscii(Tag.REQUESTED_PROCEDURE_ID, "SH", "").putAscii(Tag.STUDY_INSTANCE_UID, "UI", "")
                .putSequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE, List.of(step));
    }

    @Override
    public Answer send(Input input) throws Exception {
        Dataset query = query(input.corpusEntry());
        Dataset step = query.sequence(Tag.SCHEDULED_PROCEDURE_STEP_SEQUENCE).get(0);
        String calling = "TESTSCU";
        String bytes = null;
        for (Mutation mutation : input.mutations()) {
            String where = mutation.where();
            if (where.equals("calling")) {
                calling = mutation.value();
            } else if (where.equals("bytes")) {
                bytes = mutation.value();
            } else {
                int tag = Integer.parseUnsignedInt(where.substring(where.indexOf(':') + 1), 16);
                Dataset holder = step.contains(tag) ? step : query;
                Element old = holder.get(tag);
                String vr = old == null ? "LO" : old.vr();
                byte[] value = old == null ? new byte[0] : old.value();
                if (where.startsWith("vr:")) {
                    vr = mutation.value();
                } else {
                    value = mutation.value().getBytes(StandardCharsets.UTF_8);
                }
                holder.put(new Element(tag, vr, value, vr.equals("SQ") ? List.of() : null));
            }
        }
        boolean explicit = input.corpusEntry() % 2 == 0;
        byte[] identifier;
        try {
            identifier = DatasetWriter.write(query, explicit);
        } catch (RuntimeException notEncodable) {
            return Answer.of(Answer.SKIPPED, "the test's encoder refused it: " + notEncodable.getMessage());
        }
        if (bytes != null) {
            identifier = mangle(identifier, bytes);
        }
        try (TestScu scu = new TestScu(port)) {
            scu.socketTimeout((int) WebSession.ANSWER_TIMEOUT.toMillis());
            Pdus.Pdu association = scu.associate("SYNOVIA", calling,
                    explicit ^ "explicit-mismatch".equals(bytes == null ? "" : bytes.replaceAll("@.*", ""))
                            ? Uids.EXPLICIT_VR_LITTLE_ENDIAN : Uids.IMPLICIT_VR_LITTLE_ENDIAN, 16384);
            if (association.type() == Pdus.ASSOCIATE_RJ) {
                return Answer.of(403, "association rejected");
            }
            if (association.type() != Pdus.ASSOCIATE_AC) {
                return Answer.of(400, "association answered with PDU type " + association.type());
            }
            TestScu.Response response;
            try {
                response = scu.find(identifier, ++messageId & 0xFFFF);
            } catch (IOException | PduException | DicomFormatException aborted) {
                // An abort is an answer: the peer refused the exchange.
                return Answer.of(400, "aborted: " + aborted.getMessage());
            }
            int status = response.status();
            String comment = response.command().ascii(Tag.ERROR_COMMENT);
            String text = "status " + Integer.toHexString(status) + " after " + scu.pendingAnswers + " matches"
                    + (comment == null ? "" : ": " + comment);
            scu.release();
            return Answer.of(status == 0 ? 200 : status == 0xC000 || status == 0x0110 || status == 0xA700 ? 500 : 400, text);
        }
    }

    private static byte[] mangle(byte[] identifier, String how) {
        int at = Integer.parseInt(how.substring(how.indexOf('@') + 1));
        return switch (how.substring(0, how.indexOf('@'))) {
            case "truncate" -> java.util.Arrays.copyOf(identifier, at % Math.max(1, identifier.length));
            case "noise" -> {
                Random noise = new Random(at);
                for (int i = 0; i < 8; i++) {
                    identifier[noise.nextInt(identifier.length)] = (byte) noise.nextInt(256);
                }
                yield identifier;
            }
            case "empty" -> new byte[0];
            case "odd-length" -> java.util.Arrays.copyOf(identifier, identifier.length + 1);
            default -> identifier;
        };
    }
}
