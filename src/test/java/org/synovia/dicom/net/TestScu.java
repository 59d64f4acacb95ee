package org.synovia.dicom.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.synovia.dicom.data.Dataset;
import org.synovia.dicom.data.DatasetReader;
import org.synovia.dicom.data.DatasetWriter;
import org.synovia.dicom.data.DicomFormatException;
import org.synovia.dicom.data.Tag;

/** A bare requester for tests that need to misbehave or to watch the PDUs, which dcmtk's tools cannot. */
final class TestScu implements AutoCloseable {

    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final List<Integer> receivedPduLengths = new java.util.ArrayList<>();
    private final Deque<Pdus.Pdv> pending = new ArrayDeque<>();

    record Response(Dataset command, byte[] data) {
        int status() {
            return command.unsignedShort(Tag.STATUS);
        }
    }

    TestScu(int port) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Proposes context 1 = worklist FIND and 3 = verification, in the transfer syntax given. */
    Pdus.Pdu associate(String called, String transferSyntax, long maxPdu) throws IOException, PduException {
        out.write(Pdus.associateRequest(called, "TESTSCU", List.of(
                new PresentationContext(1, Uids.MODALITY_WORKLIST_FIND, List.of(transferSyntax)),
                new PresentationContext(3, Uids.VERIFICATION, List.of(transferSyntax))), maxPdu));
        return Pdus.read(in, 1 << 20);
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

    Response read() throws IOException, PduException, DicomFormatException {
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
    int nextPduType() throws IOException {
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
