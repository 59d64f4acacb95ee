package org.synovia.dicom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DatasetReader;
import org.synovia.dicom.encoding.DicomFormatException;

/**
 * Runs dcmtk's echoscu and findscu, a DICOM peer this project did not write, against a server on this machine,
 * and reads back the answers findscu stored (with this project's reader, checked against dcmdump in a test).
 */
public final class Dcmtk {

    public record Run(int exitCode, String output) {
    }

    private Dcmtk() {
    }

    public static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Timed out: " + command);
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A TCP port free on this machine at the moment of asking, for a dcmtk server. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static Run echo(int port, String calledAe) throws IOException, InterruptedException {
        return echo(port, calledAe, "TESTSCU");
    }

    public static Run echo(int port, String calledAe, String callingAe) throws IOException, InterruptedException {
        return run(List.of("echoscu", "-to", "10", "-ta", "10", "-aec", calledAe, "-aet", callingAe, "localhost",
                String.valueOf(port)));
    }

    /** Runs {@code findscu -W} as the modality {@code callingAe}; the answers it stored, in order. */
    public static List<Dataset> findWorklistAs(String callingAe, int port, String calledAe, Path directory,
            List<String> options, String... keys) throws IOException, InterruptedException, DicomFormatException {
        return findWorklist(callingAe, port, calledAe, directory, options, null, keys);
    }

    /** Runs {@code findscu -W} with the given options and keys; the answers it stored, in order. */
    public static List<Dataset> findWorklist(int port, String calledAe, Path directory, List<String> options, String... keys)
            throws IOException, InterruptedException, DicomFormatException {
        return findWorklist(port, calledAe, directory, options, null, keys);
    }

    /** As above, starting from a query file (keys then override it). */
    public static List<Dataset> findWorklist(int port, String calledAe, Path directory, List<String> options, Path queryFile,
            String... keys) throws IOException, InterruptedException, DicomFormatException {
        return findWorklist("MODALITY1", port, calledAe, directory, options, queryFile, keys);
    }

    private static List<Dataset> findWorklist(String callingAe, int port, String calledAe, Path directory,
            List<String> options, Path queryFile, String... keys)
            throws IOException, InterruptedException, DicomFormatException {
        Path out = Files.createTempDirectory(directory, "rsp");
        List<String> command = new ArrayList<>(List.of("findscu", "-W", "-to", "10", "-ta", "10", "-td", "20", "-aec", calledAe,
                "-aet", callingAe, "-X", "-od", out.toString()));
        command.addAll(options);
        for (String key : keys) {
            command.add("-k");
            command.add(key);
        }
        command.add("localhost");
        command.add(String.valueOf(port));
        if (queryFile != null) {
            command.add(queryFile.toString());
        }
        Run run = run(command);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("findscu failed (" + run.exitCode() + "):\n" + run.output());
        }
        List<Dataset> answers = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("rsp")).sorted().toList()) {
                answers.add(readPart10(Files.readAllBytes(file)));
            }
        }
        return answers;
    }

    /** Writes a query as a DICOM file (PS3.10) for findscu, so that its text reaches the wire byte for byte. */
    public static Path queryFile(Path directory, Dataset query) throws IOException {
        Dataset meta = new Dataset()
                .put(new org.synovia.dicom.encoding.Element(0x00020001, "OB", new byte[] { 0, 1 }, null))
                .putAscii(0x00020002, "UI", "1.2.840.10008.5.1.4.31")
                .putAscii(0x00020003, "UI", "2.25.1")
                .putAscii(0x00020010, "UI", "1.2.840.10008.1.2.1")
                .putAscii(0x00020012, "UI", "2.25.2");
        byte[] metaBytes = org.synovia.dicom.encoding.DatasetWriter.write(meta, true);
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes(new byte[128]);
        file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(org.synovia.dicom.encoding.DatasetWriter.write(new Dataset()
                .put(new org.synovia.dicom.encoding.Element(0x00020000, "UL", java.nio.ByteBuffer.allocate(4)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(metaBytes.length).array(), null)), true));
        file.writeBytes(metaBytes);
        file.writeBytes(org.synovia.dicom.encoding.DatasetWriter.write(query, true));
        Path path = Files.createTempFile(directory, "query", ".dcm");
        Files.write(path, file.toByteArray());
        return path;
    }

    /** A DICOM file (PS3.10): preamble, "DICM", the meta group in explicit VR, then the data set. */
    public static Dataset readPart10(byte[] file) throws DicomFormatException {
        if (file.length < 144 || !new String(file, 128, 4, StandardCharsets.US_ASCII).equals("DICM")) {
            throw new DicomFormatException("Not a DICOM file");
        }
        int metaLength = java.nio.ByteBuffer.wrap(file, 140, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        int dataStart = 144 + metaLength;
        Dataset meta = DatasetReader.read(java.util.Arrays.copyOfRange(file, 132, dataStart), true);
        String transferSyntax = meta.ascii(0x00020010);
        return DatasetReader.read(java.util.Arrays.copyOfRange(file, dataStart, file.length),
                !"1.2.840.10008.1.2".equals(transferSyntax));
    }
}
