package org.synovia.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.synovia.dicom.Dcmtk;
import org.synovia.dicom.DicomProperties;
import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DatasetWriter;
import org.synovia.dicom.encoding.Tag;

/** The upper layer and DIMSE services against dcmtk and against a requester that misbehaves on purpose. */
class DicomServerTests {

    private final List<Dataset> received = Collections.synchronizedList(new ArrayList<>());
    private List<Dataset> answers = List.of();
    private final List<String> performed = Collections.synchronizedList(new ArrayList<>());
    private DicomServer server;

    @TempDir
    Path temp;

    private int start(int maxAssociations, List<String> acceptedCalling) throws IOException {
        return start(maxAssociations, acceptedCalling, Duration.ofSeconds(5));
    }

    private int start(int maxAssociations, List<String> acceptedCalling, Duration idle) throws IOException {
        DicomProperties settings = new DicomProperties(true, 0, "SYNOVIA", List.of(), maxAssociations, 65536,
                Duration.ofMillis(500), idle, 500, "2.25", "RF", "SYNOVIA", 1, 30, maxAssociations,
                Duration.ofSeconds(1));
        server = new DicomServer(settings, acceptedCalling.isEmpty() ? calling -> true : acceptedCalling::contains,
                (identifier, calling) -> {
            received.add(identifier);
            return answers;
        }, new PerformedStepService() {
            @Override
            public Outcome create(String uid, Dataset attributes, String calling) {
                performed.add("create " + uid + " " + attributes.ascii(Tag.PERFORMED_PROCEDURE_STEP_STATUS));
                return Outcome.SUCCESS;
            }

            @Override
            public Outcome update(String uid, Dataset attributes, String calling) {
                performed.add("update " + uid + " " + attributes.ascii(Tag.PERFORMED_PROCEDURE_STEP_STATUS));
                return new Outcome(0x0110, "May no longer be updated");
            }
        });
        server.start();
        return server.port();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Dataset answer(String name) {
        return new Dataset().putAscii(Tag.PATIENT_NAME, "PN", name).putAscii(Tag.PATIENT_ID, "LO", "H123");
    }

    @Test
    void answersEchoscu() throws Exception {
        int port = start(4, List.of());
        Dcmtk.Run run = Dcmtk.echo(port, "SYNOVIA");
        assertThat(run.exitCode()).as(run.output()).isZero();
    }

    @Test
    void rejectsAWrongCalledAeTitleAndAnUnlistedCallingOne() throws Exception {
        int port = start(4, List.of("CT1"));
        Dcmtk.Run wrongCalled = Dcmtk.echo(port, "PACS");
        assertThat(wrongCalled.exitCode()).isNotZero();
        assertThat(wrongCalled.output()).contains("Called AE Title Not Recognized");
        Dcmtk.Run unlisted = Dcmtk.echo(port, "SYNOVIA");
        assertThat(unlisted.exitCode()).isNotZero();
        assertThat(unlisted.output()).contains("Calling AE Title Not Recognized");
    }

    @Test
    void answersFindscuInExplicitAndImplicitVr() throws Exception {
        int port = start(4, List.of());
        answers = List.of(answer("ONE^Patient"), answer("TWO^Patient"));
        for (List<String> options : List.of(List.<String>of(), List.of("-xi"))) {
            List<Dataset> found = Dcmtk.findWorklist(port, "SYNOVIA", temp, options, "PatientName=O*", "PatientID");
            assertThat(found).extracting(d -> d.ascii(Tag.PATIENT_NAME)).containsExactly("ONE^Patient", "TWO^Patient");
        }
        assertThat(received).hasSize(2).allSatisfy(query -> assertThat(query.ascii(Tag.PATIENT_NAME)).isEqualTo("O*"));
    }

    @Test
    void writesNamesThatDcmdumpReadsBackInUtf8AndLatin1() throws Exception {
        int port = start(4, List.of());
        answers = List.of(
                new Dataset().putAscii(Tag.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 192")
                        .putString(Tag.PATIENT_NAME, "PN", "Παπαδοπούλου^Ζωή", java.nio.charset.StandardCharsets.UTF_8),
                new Dataset().putAscii(Tag.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 100")
                        .putString(Tag.PATIENT_NAME, "PN", "Müller^Zoë", java.nio.charset.StandardCharsets.ISO_8859_1));
        Dcmtk.findWorklist(port, "SYNOVIA", temp, List.of(), "PatientName");
        List<Path> files;
        try (var walk = java.nio.file.Files.walk(temp)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".dcm")).sorted().toList();
        }
        assertThat(files).hasSize(2);
        assertThat(Dcmtk.run(List.of("dcmdump", "+U8", files.get(0).toString())).output()).contains("[Παπαδοπούλου^Ζωή]");
        assertThat(Dcmtk.run(List.of("dcmdump", "+U8", files.get(1).toString())).output()).contains("[Müller^Zoë]");
    }

    @Test
    void abortsMalformedAndOversizedPdusAndKeepsAnswering() throws Exception {
        int port = start(4, List.of());
        // Garbage: an unknown PDU type.
        assertThat(sendRaw(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes())).isEqualTo(Pdus.ABORT);
        // An absurd length: refused before anything is allocated.
        assertThat(sendRaw(port, new byte[] { 1, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF })).isEqualTo(Pdus.ABORT);
        // A P-DATA-TF before any association.
        assertThat(sendRaw(port, TestScu.pdv(1, true, new byte[10]))).isEqualTo(Pdus.ABORT);
        // An A-ASSOCIATE-RQ whose items run past its end.
        byte[] request = Pdus.associateRequest("SYNOVIA", "X", List.of(new PresentationContext(1, Uids.VERIFICATION,
                List.of(Uids.IMPLICIT_VR_LITTLE_ENDIAN))), 16384);
        ByteBuffer.wrap(request).put(6 + 68 + 2, (byte) 0x7F);
        assertThat(sendRaw(port, request)).isEqualTo(Pdus.ABORT);
        // A truncated PDU, then silence: the ARTIM timer closes the connection.
        assertThat(sendRaw(port, java.util.Arrays.copyOf(request, 40))).isEqualTo(-1);
        // Inside an association: a presentation data value that claims more bytes than its PDU has.
        try (TestScu scu = new TestScu(port)) {
            assertThat(scu.associate("SYNOVIA", Uids.IMPLICIT_VR_LITTLE_ENDIAN, 16384).type()).isEqualTo(Pdus.ASSOCIATE_AC);
            byte[] lying = TestScu.pdv(3, true, TestScu.command(Dimse.C_ECHO_RQ, Uids.VERIFICATION, 1, false));
            ByteBuffer.wrap(lying).putInt(6, 60_000);
            scu.out.write(lying);
            assertThat(scu.nextPduType()).isEqualTo(Pdus.ABORT);
            assertThat(scu.nextPduType()).isEqualTo(-1);
        }
        // A P-DATA-TF longer than the maximum this server announced.
        try (TestScu scu = new TestScu(port)) {
            scu.associate("SYNOVIA", Uids.IMPLICIT_VR_LITTLE_ENDIAN, 16384);
            scu.out.write(TestScu.pdv(3, true, new byte[70_000]));
            assertThat(scu.nextPduType()).isEqualTo(Pdus.ABORT);
        }
        // A command that is not DICOM.
        try (TestScu scu = new TestScu(port)) {
            scu.associate("SYNOVIA", Uids.IMPLICIT_VR_LITTLE_ENDIAN, 16384);
            scu.out.write(TestScu.pdv(3, true, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }));
            assertThat(scu.nextPduType()).isEqualTo(Pdus.ABORT);
        }
        assertThat(Dcmtk.echo(port, "SYNOVIA").exitCode()).isZero();
    }

    /** Sends bytes on a new connection and returns the type of the PDU answered, or -1 when closed silently. */
    private static int sendRaw(int port, byte[] bytes) throws IOException {
        try (TestScu scu = new TestScu(port)) {
            scu.out.write(bytes);
            scu.out.flush();
            return scu.nextPduType();
        }
    }

    @Test
    void closesAConnectionThatNeverAssociates() throws Exception {
        int port = start(4, List.of());
        try (TestScu scu = new TestScu(port)) {
            long started = System.nanoTime();
            assertThat(scu.nextPduType()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(400), Duration.ofSeconds(5));
        }
    }

    @Test
    void honoursCCancel() throws Exception {
        int port = start(4, List.of());
        List<Dataset> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(answer("MANY^" + i));
        }
        answers = many;
        try (TestScu scu = new TestScu(port)) {
            scu.associate("SYNOVIA", Uids.IMPLICIT_VR_LITTLE_ENDIAN, 16384);
            byte[] identifier = DatasetWriter.write(new Dataset().putAscii(Tag.PATIENT_NAME, "PN", "*"), false);
            var both = new java.io.ByteArrayOutputStream();
            both.writeBytes(TestScu.pdv(1, true, TestScu.command(Dimse.C_FIND_RQ, Uids.MODALITY_WORKLIST_FIND, 7, true)));
            both.writeBytes(TestScu.pdv(1, false, identifier));
            both.writeBytes(TestScu.pdv(1, true, TestScu.command(Dimse.C_CANCEL_RQ, Uids.MODALITY_WORKLIST_FIND, 7, false)));
            scu.out.write(both.toByteArray());
            int pending = 0;
            TestScu.Response response = scu.read();
            while (response.status() == Dimse.PENDING) {
                pending++;
                response = scu.read();
            }
            assertThat(response.status()).isEqualTo(Dimse.CANCELLED);
            assertThat(pending).isLessThan(many.size());
        }
    }

    @Test
    void splitsAnswersToTheRequestersMaximumPduLength() throws Exception {
        int port = start(4, List.of());
        answers = List.of(answer("A".repeat(60) + "^" + "B".repeat(3)));
        try (TestScu scu = new TestScu(port)) {
            scu.associate("SYNOVIA", Uids.EXPLICIT_VR_LITTLE_ENDIAN, 40);
            byte[] identifier = DatasetWriter.write(new Dataset().putAscii(Tag.PATIENT_NAME, "PN", ""), true);
            scu.out.write(TestScu.pdv(1, true, TestScu.command(Dimse.C_FIND_RQ, Uids.MODALITY_WORKLIST_FIND, 1, true)));
            scu.out.write(TestScu.pdv(1, false, identifier));
            TestScu.Response pending = scu.read();
            assertThat(pending.status()).isEqualTo(Dimse.PENDING);
            assertThat(new String(pending.data(), java.nio.charset.StandardCharsets.US_ASCII)).contains("A".repeat(60) + "^BBB");
            assertThat(scu.read().status()).isEqualTo(Dimse.SUCCESS);
            assertThat(scu.receivedPduLengths).allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(40));
        }
    }

    @Test
    void rejectsAssociationsBeyondTheCapAsTransient() throws Exception {
        int port = start(1, List.of());
        try (TestScu holding = new TestScu(port)) {
            assertThat(holding.associate("SYNOVIA", Uids.IMPLICIT_VR_LITTLE_ENDIAN, 16384).type()).isEqualTo(Pdus.ASSOCIATE_AC);
            Dcmtk.Run refused = Dcmtk.echo(port, "SYNOVIA");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output()).containsIgnoringCase("Local Limit Exceeded");
            holding.out.write(Pdus.releaseRequest());
            assertThat(holding.nextPduType()).isEqualTo(Pdus.RELEASE_RP);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> Dcmtk.echo(port, "SYNOVIA").exitCode() == 0);
    }

    @Test
    void refusesAnIdentifierItCannotRead() throws Exception {
        int port = start(4, List.of());
        try (TestScu scu = new TestScu(port)) {
            scu.associate("SYNOVIA", Uids.EXPLICIT_VR_LITTLE_ENDIAN, 16384);
            scu.out.write(TestScu.pdv(1, true, TestScu.command(Dimse.C_FIND_RQ, Uids.MODALITY_WORKLIST_FIND, 2, true)));
            scu.out.write(TestScu.pdv(1, false, new byte[] { 0x10, 0, 0x10, 0, 'P', 'N', 50, 0, 'X' }));
            TestScu.Response response = scu.read();
            assertThat(response.status()).isEqualTo(Dimse.IDENTIFIER_DOES_NOT_MATCH);
            assertThat(response.command().ascii(Tag.ERROR_COMMENT)).startsWith("Truncated data");
            scu.out.write(TestScu.pdv(3, true, TestScu.command(Dimse.C_ECHO_RQ, Uids.VERIFICATION, 3, false)));
            assertThat(scu.read().status()).isZero();
        }
    }

    @Test
    void passesPerformedProcedureStepsOnAndAnswersWithTheirStatus() throws Exception {
        int port = start(4, List.of());
        try (TestScu scu = new TestScu(port)) {
            assertThat(scu.associate("SYNOVIA", Uids.EXPLICIT_VR_LITTLE_ENDIAN, 16384).type()).isEqualTo(Pdus.ASSOCIATE_AC);
            Dataset inProgress = new Dataset().putAscii(Tag.PERFORMED_PROCEDURE_STEP_STATUS, "CS", "IN PROGRESS");
            TestScu.Response created = scu.performedStep(true, "1.2.3.4", 1, inProgress);
            assertThat(created.status()).isZero();
            assertThat(created.command().ascii(Tag.AFFECTED_SOP_INSTANCE_UID)).isEqualTo("1.2.3.4");
            TestScu.Response chosen = scu.performedStep(true, null, 2, inProgress);
            assertThat(chosen.command().ascii(Tag.AFFECTED_SOP_INSTANCE_UID)).startsWith("2.25.");
            TestScu.Response refused = scu.performedStep(false, "1.2.3.4", 3,
                    new Dataset().putAscii(Tag.PERFORMED_PROCEDURE_STEP_STATUS, "CS", "COMPLETED"));
            assertThat(refused.status()).isEqualTo(0x0110);
            assertThat(refused.command().ascii(Tag.ERROR_COMMENT)).isEqualTo("May no longer be updated");
            assertThat(refused.command().ascii(Tag.AFFECTED_SOP_INSTANCE_UID)).isEqualTo("1.2.3.4");
            scu.release();
        }
        assertThat(performed).hasSize(3).first().isEqualTo("create 1.2.3.4 IN PROGRESS");
        assertThat(performed.get(2)).isEqualTo("update 1.2.3.4 COMPLETED");
    }

    @Test
    void reassemblesCommandsAndIdentifiersSentInManyFragments() throws Exception {
        int port = start(4, List.of());
        answers = List.of(answer("FRAGMENTED^Patient"));
        try (TestScu scu = new TestScu(port)) {
            scu.associate("SYNOVIA", Uids.IMPLICIT_VR_LITTLE_ENDIAN, 16384);
            byte[] command = TestScu.command(Dimse.C_FIND_RQ, Uids.MODALITY_WORKLIST_FIND, 9, true);
            byte[] identifier = DatasetWriter.write(new Dataset().putAscii(Tag.PATIENT_NAME, "PN", "FRAG*")
                    .putAscii(Tag.PATIENT_ID, "LO", ""), false);
            for (int i = 0; i < command.length; i += 7) {
                byte[] part = java.util.Arrays.copyOfRange(command, i, Math.min(command.length, i + 7));
                scu.out.write(Pdus.dataTransfer(new Pdus.Pdv(1, true, i + 7 >= command.length, part)));
            }
            for (int i = 0; i < identifier.length; i += 5) {
                byte[] part = java.util.Arrays.copyOfRange(identifier, i, Math.min(identifier.length, i + 5));
                scu.out.write(Pdus.dataTransfer(new Pdus.Pdv(1, false, i + 5 >= identifier.length, part)));
            }
            TestScu.Response pending = scu.read();
            assertThat(pending.status()).isEqualTo(Dimse.PENDING);
            assertThat(scu.read().status()).isEqualTo(Dimse.SUCCESS);
        }
        assertThat(received).singleElement().satisfies(query -> assertThat(query.ascii(Tag.PATIENT_NAME)).isEqualTo("FRAG*"));
    }

    @Test
    void abortsAnAssociationThatFallsSilent() throws Exception {
        int port = start(4, List.of(), Duration.ofMillis(400));
        try (TestScu scu = new TestScu(port)) {
            scu.associate("SYNOVIA", Uids.IMPLICIT_VR_LITTLE_ENDIAN, 16384);
            long started = System.nanoTime();
            assertThat(scu.nextPduType()).isEqualTo(Pdus.ABORT);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
            assertThat(scu.nextPduType()).isEqualTo(-1);
        }
    }
}
