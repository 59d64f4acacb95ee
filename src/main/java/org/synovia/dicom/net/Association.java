package org.synovia.dicom.net;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.synovia.dicom.DicomProperties;
import org.synovia.dicom.encoding.Dataset;
import org.synovia.dicom.encoding.DatasetReader;
import org.synovia.dicom.encoding.DatasetWriter;
import org.synovia.dicom.encoding.DicomFormatException;
import org.synovia.dicom.encoding.Tag;

/**
 * One association, from A-ASSOCIATE-RQ to release or abort (PS3.8 9.2 state machine, acceptor side). Any
 * PDU that breaks the rules, is too long or arrives out of turn ends it with an A-ABORT; silence ends it
 * after the ARTIM or idle timeout. The socket is always closed at the end.
 */
final class Association implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Association.class);
    /** An A-ASSOCIATE-RQ with a hundred presentation contexts is a few kilobytes. */
    static final int MAX_ASSOCIATE_RQ_LENGTH = 64 * 1024;
    private static final int MAX_COMMAND_BYTES = 64 * 1024;
    private static final int LINGER_MILLIS = 1000;
    private static final int IN_BUFFER_BYTES = 16 * 1024;
    private static final int OUT_BUFFER_BYTES = 64 * 1024;
    private static final List<String> ABSTRACT_SYNTAXES = List.of(Uids.VERIFICATION, Uids.MODALITY_WORKLIST_FIND,
            Uids.MODALITY_PERFORMED_PROCEDURE_STEP);
    /** Explicit VR first: it carries the VR of keys this server's dictionary may not know. */
    private static final List<String> TRANSFER_SYNTAXES = List.of(Uids.EXPLICIT_VR_LITTLE_ENDIAN, Uids.IMPLICIT_VR_LITTLE_ENDIAN);

    private final Socket socket;
    private final DicomProperties settings;
    private final Predicate<String> recognised;
    private final FindService finder;
    private final PerformedStepService performedSteps;
    private final boolean overLimit;
    private final Map<Integer, AcceptedContext> contexts = new HashMap<>();
    private final Deque<Pdus.Pdv> pending = new ArrayDeque<>();
    private InputStream in;
    private OutputStream out;
    private String callingAeTitle = "?";
    private long peerMaxPduLength;

    Association(Socket socket, DicomProperties settings, Predicate<String> recognised, FindService finder,
            PerformedStepService performedSteps, boolean overLimit) {
        this.socket = socket;
        this.settings = settings;
        this.recognised = recognised;
        this.finder = finder;
        this.performedSteps = performedSteps;
        this.overLimit = overLimit;
    }

    private static final class Released extends Exception {
    }

    private static final class PeerAborted extends Exception {
    }

    private record Message(int contextId, Dataset command, byte[] data) {

        int field() {
            return command.unsignedShort(Tag.COMMAND_FIELD);
        }
    }

    @Override
    public void run() {
        try (socket) {
            // Buffered both ways: a PDU is read in one call rather than three, and a query's answers leave in a few
            // writes of up to a largest PDU each rather than one write per 8 KiB.
            in = new BufferedInputStream(socket.getInputStream(), IN_BUFFER_BYTES);
            out = new BufferedOutputStream(socket.getOutputStream(), OUT_BUFFER_BYTES);
            socket.setSoTimeout((int) settings.artimTimeout().toMillis());
            if (!negotiate()) {
                return;
            }
            socket.setSoTimeout((int) settings.idleTimeout().toMillis());
            serve();
        }
        catch (IOException e) {
            log.debug("DICOM association with {} ended: {}", callingAeTitle, e.toString());
        }
    }

    private boolean negotiate() throws IOException {
        AssociateRequest request;
        try {
            Pdus.Pdu first = Pdus.read(in, MAX_ASSOCIATE_RQ_LENGTH);
            if (first.type() != Pdus.ASSOCIATE_RQ) {
                throw new PduException(2, "Expected A-ASSOCIATE-RQ, received PDU type " + first.type());
            }
            request = Pdus.parseAssociateRequest(first.body());
        }
        catch (PduException e) {
            abort(e);
            return false;
        }
        catch (SocketTimeoutException e) {
            log.info("DICOM connection from {} sent no A-ASSOCIATE-RQ within {}", socket.getRemoteSocketAddress(),
                    settings.artimTimeout());
            return false;
        }
        callingAeTitle = request.callingAeTitle();
        byte[] reject = rejection(request);
        if (reject != null) {
            sendLast(reject);
            return false;
        }
        List<AcceptedContext> answers = new ArrayList<>();
        for (PresentationContext proposed : request.presentationContexts()) {
            AcceptedContext answer = answer(proposed);
            answers.add(answer);
            if (answer.accepted()) {
                contexts.put(answer.id(), answer);
            }
        }
        peerMaxPduLength = request.maxPduLength();
        send(Pdus.associateAccept(request, answers, settings.maxPduLength()));
        // Debug, not info: a modality associates for every query, and each query leaves its audit line anyway.
        log.debug("DICOM association accepted: {} -> {} from {} ({} {}), {} of {} contexts", callingAeTitle,
                request.calledAeTitle(), socket.getRemoteSocketAddress(), request.implementationClassUid(),
                request.implementationVersionName(), contexts.size(), answers.size());
        return true;
    }

    /** The A-ASSOCIATE-RJ this request earns (PS3.8 9.3.4), or null to accept it. */
    private byte[] rejection(AssociateRequest request) {
        String why = null;
        byte[] reject = null;
        if ((request.protocolVersion() & 1) == 0) {
            why = "protocol version not supported";
            reject = Pdus.associateReject(1, 2, 2);
        }
        else if (!Uids.APPLICATION_CONTEXT.equals(request.applicationContext())) {
            why = "application context " + request.applicationContext() + " not supported";
            reject = Pdus.associateReject(1, 1, 2);
        }
        else if (!settings.aeTitle().equals(request.calledAeTitle())) {
            why = "called AE title '" + request.calledAeTitle() + "' is not " + settings.aeTitle();
            reject = Pdus.associateReject(1, 1, 7);
        }
        else if (!recognised.test(request.callingAeTitle())) {
            why = "calling AE title '" + request.callingAeTitle() + "' not recognized: no room's station and not listed";
            reject = Pdus.associateReject(1, 1, 3);
        }
        else if (overLimit) {
            why = "more than " + settings.maxAssociations() + " associations at once, or more than "
                    + settings.maxAssociationsPerAddress() + " from its address";
            reject = Pdus.associateReject(2, 3, 2);
        }
        if (why != null) {
            log.warn("DICOM association from {} ({}) rejected: {}", request.callingAeTitle(), socket.getRemoteSocketAddress(), why);
        }
        return reject;
    }

    private static AcceptedContext answer(PresentationContext proposed) {
        if (!ABSTRACT_SYNTAXES.contains(proposed.abstractSyntax())) {
            return new AcceptedContext(proposed.id(), proposed.abstractSyntax(), AcceptedContext.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                    Uids.IMPLICIT_VR_LITTLE_ENDIAN);
        }
        for (String ours : TRANSFER_SYNTAXES) {
            if (proposed.transferSyntaxes().contains(ours)) {
                return new AcceptedContext(proposed.id(), proposed.abstractSyntax(), AcceptedContext.ACCEPTANCE, ours);
            }
        }
        return new AcceptedContext(proposed.id(), proposed.abstractSyntax(), AcceptedContext.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                Uids.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    private void serve() throws IOException {
        try {
            while (true) {
                Message message = nextMessage(false);
                switch (message.field()) {
                    case Dimse.C_ECHO_RQ -> echo(message);
                    case Dimse.C_FIND_RQ -> find(message);
                    case Dimse.C_CANCEL_RQ -> log.debug("C-CANCEL for a finished query ignored");
                    case Dimse.N_CREATE_RQ, Dimse.N_SET_RQ -> performedStep(message);
                    default -> throw new PduException(0, "Unsupported DIMSE command 0x" + Integer.toHexString(message.field()));
                }
            }
        }
        catch (Released e) {
            send(Pdus.releaseResponse());
        }
        catch (PeerAborted e) {
            log.debug("DICOM association aborted by {}", callingAeTitle);
        }
        catch (PduException e) {
            abort(e);
        }
        catch (SocketTimeoutException e) {
            log.info("DICOM association with {} idle for {}; aborted", callingAeTitle, settings.idleTimeout());
            sendLast(Pdus.abort(2, 0));
        }
        catch (EOFException e) {
            log.debug("DICOM peer {} closed the connection", callingAeTitle);
        }
    }

    private void abort(PduException e) throws IOException {
        log.warn("DICOM association with {} ({}) aborted: {}", callingAeTitle, socket.getRemoteSocketAddress(), e.getMessage());
        sendLast(Pdus.abort(2, e.reason()));
    }

    /**
     * Sends the last PDU, then reads and drops what the peer still sends for a moment: closing a socket with
     * unread data resets the connection, and the peer might then never read why it ended.
     */
    private void sendLast(byte[] pdu) throws IOException {
        send(pdu);
        socket.shutdownOutput();
        socket.setSoTimeout(LINGER_MILLIS);
        byte[] sink = new byte[8192];
        long dropped = 0;
        try {
            int read;
            while ((read = in.read(sink)) >= 0 && dropped < DicomProperties.MAX_MESSAGE_BYTES) {
                dropped += read;
            }
        }
        catch (IOException e) {
            // The peer went quiet or closed: either way the connection is over.
        }
    }

    private void echo(Message request) throws IOException {
        respond(request, Dimse.C_ECHO_RSP, Dimse.SUCCESS, null, null);
    }

    private void find(Message request) throws IOException, PduException, Released, PeerAborted {
        AcceptedContext context = contexts.get(request.contextId());
        String sopClass = request.command().ascii(Tag.AFFECTED_SOP_CLASS_UID);
        if (!Uids.MODALITY_WORKLIST_FIND.equals(context.abstractSyntax()) || !context.abstractSyntax().equals(sopClass)) {
            respond(request, Dimse.C_FIND_RSP, Dimse.SOP_CLASS_NOT_SUPPORTED, null, "Only Modality Worklist FIND is served");
            return;
        }
        List<Dataset> matches;
        try {
            if (request.data() == null) {
                throw new DicomFormatException("C-FIND-RQ without an identifier");
            }
            matches = finder.find(DatasetReader.read(request.data(), context.explicitVr()), callingAeTitle);
        }
        catch (DicomFormatException e) {
            log.warn("DICOM worklist query from {} refused: {}", callingAeTitle, e.getMessage());
            respond(request, Dimse.C_FIND_RSP, Dimse.IDENTIFIER_DOES_NOT_MATCH, null, e.getMessage());
            return;
        }
        catch (RuntimeException e) {
            log.error("DICOM worklist query from {} failed", callingAeTitle, e);
            respond(request, Dimse.C_FIND_RSP, Dimse.UNABLE_TO_PROCESS, null, "The worklist could not be read");
            return;
        }
        int messageId = request.command().unsignedShort(Tag.MESSAGE_ID);
        // Every pending answer carries the same command set: encoded once per query, not once per match. Pending
        // answers are left to the buffer rather than flushed one by one; the final one flushes them all.
        byte[] pending = DatasetWriter.writeCommand(command(request, Dimse.C_FIND_RSP, Dimse.PENDING, true, null,
                request.command().ascii(Tag.AFFECTED_SOP_CLASS_UID), null));
        int sent = 0;
        for (Dataset match : matches) {
            if (cancelled(messageId)) {
                log.info("DICOM worklist query from {} cancelled after {} of {} matches", callingAeTitle, sent, matches.size());
                respond(request, Dimse.C_FIND_RSP, Dimse.CANCELLED, null, null);
                return;
            }
            fragments(request.contextId(), true, pending);
            fragments(request.contextId(), false, DatasetWriter.write(match, context.explicitVr()));
            sent++;
        }
        respond(request, Dimse.C_FIND_RSP, Dimse.SUCCESS, null, null);
    }

    /** N-CREATE or N-SET of a Modality Performed Procedure Step (PS3.4 F.7). */
    private void performedStep(Message request) throws IOException {
        boolean create = request.field() == Dimse.N_CREATE_RQ;
        int responseField = create ? Dimse.N_CREATE_RSP : Dimse.N_SET_RSP;
        AcceptedContext context = contexts.get(request.contextId());
        String sopClass = request.command().ascii(create ? Tag.AFFECTED_SOP_CLASS_UID : Tag.REQUESTED_SOP_CLASS_UID);
        String instance = request.command().ascii(create ? Tag.AFFECTED_SOP_INSTANCE_UID : Tag.REQUESTED_SOP_INSTANCE_UID);
        if (create && (instance == null || instance.isEmpty())) {
            instance = "2.25." + new java.math.BigInteger(1, uuidBytes(java.util.UUID.randomUUID()));
        }
        PerformedStepService.Outcome outcome;
        if (!Uids.MODALITY_PERFORMED_PROCEDURE_STEP.equals(context.abstractSyntax())
                || !Uids.MODALITY_PERFORMED_PROCEDURE_STEP.equals(sopClass)) {
            outcome = new PerformedStepService.Outcome(Dimse.SOP_CLASS_NOT_SUPPORTED, "Only MPPS is served for N-CREATE and N-SET");
        }
        else if (instance == null || instance.isEmpty() || request.data() == null) {
            outcome = new PerformedStepService.Outcome(Dimse.INVALID_ATTRIBUTE_VALUE, "SOP instance UID and data set are required");
        }
        else {
            try {
                Dataset attributes = DatasetReader.read(request.data(), context.explicitVr());
                outcome = create ? performedSteps.create(instance, attributes, callingAeTitle)
                        : performedSteps.update(instance, attributes, callingAeTitle);
            }
            catch (DicomFormatException e) {
                outcome = new PerformedStepService.Outcome(Dimse.INVALID_ATTRIBUTE_VALUE, e.getMessage());
            }
            catch (RuntimeException e) {
                log.error("MPPS from {} failed", callingAeTitle, e);
                outcome = new PerformedStepService.Outcome(Dimse.PROCESSING_FAILURE, "The step could not be stored");
            }
        }
        respond(request, responseField, outcome.status(), null, outcome.comment(), Uids.MODALITY_PERFORMED_PROCEDURE_STEP,
                instance);
    }

    private static byte[] uuidBytes(java.util.UUID uuid) {
        return java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits())
                .array();
    }

    /**
     * Whether a C-CANCEL-RQ for this query has arrived, looking only at what is already received, so that
     * answering is never held up waiting for the requester.
     */
    private boolean cancelled(int messageId) throws IOException, PduException, Released, PeerAborted {
        while (true) {
            Message next = nextMessage(true);
            if (next == null) {
                return false;
            }
            if (next.field() != Dimse.C_CANCEL_RQ) {
                throw new PduException(5, "A second request arrived before the query was answered; asynchronous operations were not negotiated");
            }
            if (next.command().unsignedShort(Tag.MESSAGE_ID_BEING_RESPONDED_TO) == messageId) {
                return true;
            }
        }
    }

    private void respond(Message request, int field, int status, byte[] data, String comment) throws IOException {
        respond(request, field, status, data, comment, request.command().ascii(Tag.AFFECTED_SOP_CLASS_UID), null);
    }

    private void respond(Message request, int field, int status, byte[] data, String comment, String sopClass,
            String sopInstance) throws IOException {
        fragments(request.contextId(), true, DatasetWriter.writeCommand(command(request, field, status, data != null, comment,
                sopClass, sopInstance)));
        if (data != null) {
            fragments(request.contextId(), false, data);
        }
        out.flush();
    }

    private static Dataset command(Message request, int field, int status, boolean withData, String comment, String sopClass,
            String sopInstance) {
        Dataset command = new Dataset();
        if (sopClass != null) {
            command.putAscii(Tag.AFFECTED_SOP_CLASS_UID, "UI", sopClass);
        }
        command.putUnsignedShort(Tag.COMMAND_FIELD, field);
        command.putUnsignedShort(Tag.MESSAGE_ID_BEING_RESPONDED_TO, request.command().unsignedShort(Tag.MESSAGE_ID));
        command.putUnsignedShort(Tag.COMMAND_DATA_SET_TYPE, withData ? Dimse.DATA_SET_PRESENT : Dimse.NO_DATA_SET);
        command.putUnsignedShort(Tag.STATUS, status);
        if (comment != null) {
            command.putAscii(Tag.ERROR_COMMENT, "LO", comment.length() > 64 ? comment.substring(0, 64) : comment);
        }
        if (sopInstance != null && !sopInstance.isEmpty()) {
            command.putAscii(Tag.AFFECTED_SOP_INSTANCE_UID, "UI", sopInstance);
        }
        return command;
    }

    /** Splits a command or data set into PDVs that fit the requester's maximum PDU length. */
    private void fragments(int contextId, boolean command, byte[] bytes) throws IOException {
        long limit = peerMaxPduLength == 0 ? settings.maxPduLength() : peerMaxPduLength;
        int chunk = (int) Math.max(1, Math.min(limit, settings.maxPduLength()) - 6);
        int offset = 0;
        do {
            int length = Math.min(chunk, bytes.length - offset);
            Pdus.writeDataTransfer(out, contextId, command, offset + length == bytes.length, bytes, offset, length);
            offset += length;
        }
        while (offset < bytes.length);
    }

    /**
     * The next whole message: a command and, if it says so, its data set, each possibly in many fragments.
     * With {@code poll}, returns null when nothing has arrived yet.
     */
    private Message nextMessage(boolean poll) throws IOException, PduException, Released, PeerAborted {
        Pdus.Pdv first = nextPdv(!poll);
        if (first == null) {
            return null;
        }
        if (!first.command()) {
            throw new PduException(5, "A data set fragment arrived where a command was expected");
        }
        int contextId = first.contextId();
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        Pdus.Pdv pdv = first;
        while (true) {
            check(pdv, contextId, true, command.size(), MAX_COMMAND_BYTES);
            command.writeBytes(pdv.data());
            if (pdv.last()) {
                break;
            }
            pdv = nextPdv(true);
        }
        Dataset commandSet;
        try {
            commandSet = DatasetReader.read(command.toByteArray(), false);
        }
        catch (DicomFormatException e) {
            throw new PduException(6, "Unreadable command: " + e.getMessage());
        }
        int dataSetType = commandSet.unsignedShort(Tag.COMMAND_DATA_SET_TYPE);
        if (commandSet.unsignedShort(Tag.COMMAND_FIELD) < 0 || dataSetType < 0) {
            throw new PduException(6, "Command without its Command Field or Command Data Set Type");
        }
        if (dataSetType == Dimse.NO_DATA_SET) {
            return new Message(contextId, commandSet, null);
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        do {
            pdv = nextPdv(true);
            check(pdv, contextId, false, data.size(), DicomProperties.MAX_MESSAGE_BYTES);
            data.writeBytes(pdv.data());
        }
        while (!pdv.last());
        return new Message(contextId, commandSet, data.toByteArray());
    }

    private void check(Pdus.Pdv pdv, int contextId, boolean command, int sizeSoFar, int limit) throws PduException {
        if (!contexts.containsKey(pdv.contextId())) {
            throw new PduException(6, "Presentation context " + pdv.contextId() + " was not accepted");
        }
        if (pdv.contextId() != contextId || pdv.command() != command) {
            throw new PduException(5, "Fragments of one message mixed with another");
        }
        if (sizeSoFar + (long) pdv.data().length > limit) {
            throw new PduException(6, (command ? "Command" : "Data set") + " longer than " + limit + " bytes");
        }
    }

    private Pdus.Pdv nextPdv(boolean block) throws IOException, PduException, Released, PeerAborted {
        while (pending.isEmpty()) {
            if (!block && in.available() == 0) {
                return null;
            }
            Pdus.Pdu pdu = Pdus.read(in, settings.maxPduLength());
            switch (pdu.type()) {
                case Pdus.P_DATA_TF -> pending.addAll(Pdus.parseDataTransfer(pdu.body()));
                case Pdus.RELEASE_RQ -> throw new Released();
                case Pdus.ABORT -> throw new PeerAborted();
                default -> throw new PduException(2, "Unexpected PDU type " + pdu.type() + " during an association");
            }
        }
        return pending.poll();
    }

    private void send(byte[] pdu) throws IOException {
        out.write(pdu);
        out.flush();
    }
}
