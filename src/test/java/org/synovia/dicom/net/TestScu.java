package org.synovia.dicom.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DatasetReader;
import org.synovia.dicom.encoding.DatasetWriter;
import org.synovia.dicom.encoding.DicomFormatException;
import org.synovia.dicom.encoding.Tag;

/**
 * A bare requester for tests that need to misbehave or to watch the PDUs, which dcmtk's tools cannot, and
 * for MPPS, which dcmtk has no tool to send.
 */
public final class TestScu implements AutoCloseable {

    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final List<Integer> receivedPduLengths = new java.util.ArrayList<>();
    private final Deque<Pdus.Pdv> pending = new ArrayDeque<>();

    public record Response(Dataset command, byte[] data) {
        public int status() {
            return command.unsignedShort(Tag.STATUS);
        }
    }

    public TestScu(int port) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Proposes context 1 = worklist FIND, 3 = verification and 5 = MPPS, in the transfer syntax given. */
    public Pdus.Pdu associate(String called, String transferSyntax, long maxPdu) throws IOException, PduException {
        return associateAs("TESTSCU", called, transferSyntax, maxPdu);
    }

    /** As above, calling as {@code calling}. */
    public Pdus.Pdu associate(String called, String calling, String transferSyntax, long maxPdu)
            throws IOException, PduException {
        return associateAs(calling, called, transferSyntax, maxPdu);
    }

    /** As {@link #associate}, calling as the given AE title (a room's station, say). */
    public Pdus.Pdu associateAs(String calling, String called, String transferSyntax, long maxPdu)
            throws IOException, PduException {
        out.write(Pdus.associateRequest(called, calling, List.of(
                new PresentationContext(1, Uids.MODALITY_WORKLIST_FIND, List.of(transferSyntax)),
                new PresentationContext(3, Uids.VERIFICATION, List.of(transferSyntax)),
                new PresentationContext(5, Uids.MODALITY_PERFORMED_PROCEDURE_STEP, List.of(transferSyntax))), maxPdu));
        return Pdus.read(in, 1 << 20);
    }

    /**
     * Sends an MPPS N-CREATE (with the instance UID, or without to let the server choose) or N-SET, in explicit
     * VR on context 5, and returns the response.
     */
    public Response performedStep(boolean create, String instanceUid, int messageId, Dataset attributes)
            throws IOException, PduException, DicomFormatException {
        Dataset command = new Dataset();
        command.putAscii(create ? Tag.AFFECTED_SOP_CLASS_UID : Tag.REQUESTED_SOP_CLASS_UID, "UI",
                Uids.MODALITY_PERFORMED_PROCEDURE_STEP);
        command.putUnsignedShort(Tag.COMMAND_FIELD, create ? Dimse.N_CREATE_RQ : Dimse.N_SET_RQ);
        command.putUnsignedShort(Tag.MESSAGE_ID, messageId);
        command.putUnsignedShort(Tag.COMMAND_DATA_SET_TYPE, 0);
        if (instanceUid != null) {
            command.putAscii(create ? Tag.AFFECTED_SOP_INSTANCE_UID : Tag.REQUESTED_SOP_INSTANCE_UID, "UI", instanceUid);
        }
        out.write(pdv(5, true, DatasetWriter.writeCommand(command)));
        out.write(pdv(5, false, DatasetWriter.write(attributes, true)));
        return read();
    }

    /**
     * Sends a worklist C-FIND with this identifier (already encoded, well formed or not) on context 1 and returns the
     * final answer, after reading every pending one; the count of pending answers is in {@code pendingAnswers}.
     */
    public Response find(byte[] identifier, int messageId) throws IOException, PduException, DicomFormatException {
        out.write(pdv(1, true, command(Dimse.C_FIND_RQ, Uids.MODALITY_WORKLIST_FIND, messageId, true)));
        out.write(pdv(1, false, identifier));
        Response response = read();
        pendingAnswers = 0;
        while (response.status() == Dimse.PENDING) {
            pendingAnswers++;
            response = read();
        }
        return response;
    }

    public int pendingAnswers;

    public void socketTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    public void release() throws IOException {
        out.write(Pdus.releaseRequest());
        nextPduType();
    }

    static byte[] command(int field, String sopClass, int messageId, boolean withData) {
        Dataset command = new Dataset().putAscii(Tag.AFFECTED_SOP_CLASS_UID, "UI", sopClass)
                .putUnsignedShort(Tag.COMMAND_FIELD, field);
        command.putUnsignedShort(field == Dimse.C_CANCEL_RQ ? Tag.MESSAGE_ID_BEING_RESPONDED_TO : Tag.MESSAGE_ID, messageId);
        command.putUnsignedShort(Tag.COMMAND_DATA_SET_TYPE, withData ? 0 : Dimse.NO_DATA_SET);
        if (field == Dimse.C_FIND_RQ) {
            command.putUnsignedShort(Tag.PRIORITY, 0);
        }
        return DatasetWriter.writeCommand(command);
    }

    static byte[] pdv(int context, boolean command, byte[] data) {
        return Pdus.dataTransfer(new Pdus.Pdv(context, command, true, data));
    }

    public Response read() throws IOException, PduException, DicomFormatException {
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        Pdus.Pdv pdv;
        do {
            pdv = next();
            command.writeBytes(pdv.data());
        }
        while (!pdv.last());
        Dataset set = DatasetReader.read(command.toByteArray(), false);
        if (set.unsignedShort(Tag.COMMAND_DATA_SET_TYPE) == Dimse.NO_DATA_SET) {
            return new Response(set, null);
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        do {
            pdv = next();
            data.writeBytes(pdv.data());
        }
        while (!pdv.last());
        return new Response(set, data.toByteArray());
    }

    private Pdus.Pdv next() throws IOException, PduException {
        while (pending.isEmpty()) {
            Pdus.Pdu pdu = Pdus.read(in, 1 << 20);
            if (pdu.type() != Pdus.P_DATA_TF) {
                throw new IOException("Expected P-DATA-TF, received PDU type " + pdu.type());
            }
            receivedPduLengths.add(pdu.body().length);
            pending.addAll(Pdus.parseDataTransfer(pdu.body()));
        }
        return pending.poll();
    }

    /** The type of the next PDU, or -1 once the server has closed the connection. */
    public int nextPduType() throws IOException {
        try {
            return Pdus.read(in, 1 << 20).type();
        }
        catch (java.io.EOFException | java.net.SocketException e) {
            return -1;
        }
        catch (PduException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
