package org.synovia.dicom.net;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Protocol data units of the DICOM upper layer (PS3.8 9.3): reading with a length limit, and encoding.
 * Lengths are big endian here, unlike the little-endian data inside P-DATA.
 */
public final class Pdus {

    public static final int ASSOCIATE_RQ = 1;
    public static final int ASSOCIATE_AC = 2;
    public static final int ASSOCIATE_RJ = 3;
    public static final int P_DATA_TF = 4;
    public static final int RELEASE_RQ = 5;
    public static final int RELEASE_RP = 6;
    public static final int ABORT = 7;

    public static final String IMPLEMENTATION_CLASS_UID = "2.25.115109647091721821521835866608692941353";
    public static final String IMPLEMENTATION_VERSION_NAME = "SYNOVIA_1";

    /** The fixed fields of an A-ASSOCIATE-RQ/AC before its variable items. */
    private static final int ASSOCIATE_FIXED_LENGTH = 68;

    private Pdus() {
    }

    /** One PDU as read: its type and its body (after the 6-byte header). */
    public record Pdu(int type, byte[] body) {
    }

    /** One presentation data value: a fragment of a command or data set. */
    public record Pdv(int contextId, boolean command, boolean last, byte[] data) {
    }

    /**
     * Reads one PDU whose body may not exceed {@code maxLength}; the length is checked before anything is
     * allocated, so an absurd length costs nothing.
     */
    public static Pdu read(InputStream in, long maxLength) throws IOException, PduException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("Connection closed");
        }
        byte[] header = in.readNBytes(5);
        if (header.length < 5) {
            throw new EOFException("Connection closed inside a PDU header");
        }
        long length = Integer.toUnsignedLong(ByteBuffer.wrap(header, 1, 4).getInt());
        if (type < ASSOCIATE_RQ || type > ABORT) {
            throw new PduException(1, "Unrecognized PDU type 0x" + Integer.toHexString(type));
        }
        if (length > maxLength) {
            throw new PduException(6, "PDU of type " + type + " declares " + length + " bytes; at most " + maxLength
                    + " accepted");
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length < length) {
            throw new EOFException("Connection closed inside a PDU body");
        }
        return new Pdu(type, body);
    }

    public static AssociateRequest parseAssociateRequest(byte[] body) throws PduException {
        if (body.length < ASSOCIATE_FIXED_LENGTH) {
            throw new PduException(6, "A-ASSOCIATE-RQ of " + body.length + " bytes is too short");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        int version = Short.toUnsignedInt(in.getShort());
        in.getShort();
        String called = aeTitle(body, 4);
        String calling = aeTitle(body, 20);
        in.position(ASSOCIATE_FIXED_LENGTH);
        String applicationContext = null;
        List<PresentationContext> contexts = new ArrayList<>();
        long maxPdu = 0;
        String implementationClass = null;
        String implementationVersion = null;
        while (in.hasRemaining()) {
            int itemType = item(in);
            byte[] value = itemValue(in);
            switch (itemType) {
                case 0x10 -> applicationContext = uid(value);
                case 0x20 -> contexts.add(presentationContext(value));
                case 0x50 -> {
                    ByteBuffer user = ByteBuffer.wrap(value);
                    while (user.hasRemaining()) {
                        int subType = item(user);
                        byte[] sub = itemValue(user);
                        switch (subType) {
                            case 0x51 -> {
                                if (sub.length != 4) {
                                    throw new PduException(6, "Maximum length sub-item must have 4 bytes");
                                }
                                maxPdu = Integer.toUnsignedLong(ByteBuffer.wrap(sub).getInt());
                            }
                            case 0x52 -> implementationClass = uid(sub);
                            case 0x55 -> implementationVersion = new String(sub, StandardCharsets.US_ASCII).strip();
                            default -> {
                                // Asynchronous operations, role selection and extended negotiation: not offered, so ignored.
                            }
                        }
                    }
                }
                default -> throw new PduException(4, "Unrecognized item type 0x" + Integer.toHexString(itemType)
                        + " in A-ASSOCIATE-RQ");
            }
        }
        if (applicationContext == null) {
            throw new PduException(6, "A-ASSOCIATE-RQ without an application context");
        }
        if (contexts.isEmpty()) {
            throw new PduException(6, "A-ASSOCIATE-RQ without a presentation context");
        }
        return new AssociateRequest(version, called, calling, applicationContext, contexts, maxPdu, implementationClass,
                implementationVersion);
    }

    private static PresentationContext presentationContext(byte[] value) throws PduException {
        if (value.length < 4) {
            throw new PduException(6, "Presentation context item too short");
        }
        int id = value[0] & 0xFF;
        if (id % 2 == 0) {
            throw new PduException(6, "Presentation context id " + id + " is not odd");
        }
        ByteBuffer in = ByteBuffer.wrap(value, 4, value.length - 4);
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (in.hasRemaining()) {
            int type = item(in);
            byte[] sub = itemValue(in);
            if (type == 0x30 && abstractSyntax == null) {
                abstractSyntax = uid(sub);
            }
            else if (type == 0x40) {
                transferSyntaxes.add(uid(sub));
            }
            else {
                throw new PduException(5, "Unexpected sub-item 0x" + Integer.toHexString(type) + " in presentation context " + id);
            }
        }
        if (abstractSyntax == null || transferSyntaxes.isEmpty()) {
            throw new PduException(6, "Presentation context " + id + " lacks its abstract or transfer syntax");
        }
        return new PresentationContext(id, abstractSyntax, transferSyntaxes);
    }

    private static int item(ByteBuffer in) throws PduException {
        if (in.remaining() < 4) {
            throw new PduException(6, "Truncated item header");
        }
        int type = in.get() & 0xFF;
        in.get();
        return type;
    }

    private static byte[] itemValue(ByteBuffer in) throws PduException {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new PduException(6, "Item of " + length + " bytes runs past the end of its PDU");
        }
        byte[] value = new byte[length];
        in.get(value);
        return value;
    }

    private static String aeTitle(byte[] body, int offset) {
        return new String(body, offset, 16, StandardCharsets.US_ASCII).strip();
    }

    private static String uid(byte[] value) {
        String text = new String(value, StandardCharsets.US_ASCII);
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == 0 || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(0, end).strip();
    }

    public static byte[] associateAccept(AssociateRequest request, List<AcceptedContext> contexts, long maxPduLength) {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        items.writeBytes(item(0x10, ascii(Uids.APPLICATION_CONTEXT)));
        for (AcceptedContext context : contexts) {
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            value.writeBytes(new byte[] { (byte) context.id(), 0, (byte) context.result(), 0 });
            value.writeBytes(item(0x40, ascii(context.transferSyntax())));
            items.writeBytes(item(0x21, value.toByteArray()));
        }
        items.writeBytes(item(0x50, userInformation(maxPduLength)));
        return pdu(ASSOCIATE_AC, associateBody(request.calledAeTitle(), request.callingAeTitle(), items.toByteArray()));
    }

    /** An A-ASSOCIATE-RQ, as a requester sends it (used by tests that play the modality). */
    public static byte[] associateRequest(String called, String calling, List<PresentationContext> contexts,
            long maxPduLength) {
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        items.writeBytes(item(0x10, ascii(Uids.APPLICATION_CONTEXT)));
        for (PresentationContext context : contexts) {
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            value.writeBytes(new byte[] { (byte) context.id(), 0, 0, 0 });
            value.writeBytes(item(0x30, ascii(context.abstractSyntax())));
            context.transferSyntaxes().forEach(ts -> value.writeBytes(item(0x40, ascii(ts))));
            items.writeBytes(item(0x20, value.toByteArray()));
        }
        items.writeBytes(item(0x50, userInformation(maxPduLength)));
        return pdu(ASSOCIATE_RQ, associateBody(called, calling, items.toByteArray()));
    }

    /** The results per presentation context id of an A-ASSOCIATE-AC body. */
    public static java.util.Map<Integer, Integer> acceptedContextResults(byte[] body) throws PduException {
        java.util.Map<Integer, Integer> results = new java.util.TreeMap<>();
        ByteBuffer in = ByteBuffer.wrap(body);
        in.position(ASSOCIATE_FIXED_LENGTH);
        while (in.hasRemaining()) {
            int type = item(in);
            byte[] value = itemValue(in);
            if (type == 0x21) {
                results.put(value[0] & 0xFF, value[2] & 0xFF);
            }
        }
        return results;
    }

    private static byte[] userInformation(long maxPduLength) {
        ByteArrayOutputStream user = new ByteArrayOutputStream();
        user.writeBytes(item(0x51, ByteBuffer.allocate(4).putInt((int) maxPduLength).array()));
        user.writeBytes(item(0x52, ascii(IMPLEMENTATION_CLASS_UID)));
        user.writeBytes(item(0x55, ascii(IMPLEMENTATION_VERSION_NAME)));
        return user.toByteArray();
    }

    private static byte[] associateBody(String called, String calling, byte[] items) {
        ByteBuffer body = ByteBuffer.allocate(ASSOCIATE_FIXED_LENGTH + items.length);
        body.putShort((short) 1).putShort((short) 0);
        body.put(paddedAe(called)).put(paddedAe(calling));
        body.put(new byte[32]);
        body.put(items);
        return body.array();
    }

    private static byte[] paddedAe(String title) {
        byte[] padded = new byte[16];
        Arrays.fill(padded, (byte) ' ');
        byte[] text = ascii(title);
        System.arraycopy(text, 0, padded, 0, Math.min(16, text.length));
        return padded;
    }

    /**
     * @param result 1 rejected-permanent, 2 rejected-transient
     * @param source 1 service user, 2 service provider (ACSE), 3 service provider (presentation)
     */
    public static byte[] associateReject(int result, int source, int reason) {
        return pdu(ASSOCIATE_RJ, new byte[] { 0, (byte) result, (byte) source, (byte) reason });
    }

    public static byte[] releaseRequest() {
        return pdu(RELEASE_RQ, new byte[4]);
    }

    public static byte[] releaseResponse() {
        return pdu(RELEASE_RP, new byte[4]);
    }

    /** @param source 0 service user, 2 service provider */
    public static byte[] abort(int source, int reason) {
        return pdu(ABORT, new byte[] { 0, 0, (byte) source, (byte) reason });
    }

    public static byte[] dataTransfer(Pdv pdv) {
        ByteBuffer body = ByteBuffer.allocate(6 + pdv.data().length);
        body.putInt(2 + pdv.data().length);
        body.put((byte) pdv.contextId());
        body.put((byte) ((pdv.command() ? 1 : 0) | (pdv.last() ? 2 : 0)));
        body.put(pdv.data());
        return pdu(P_DATA_TF, body.array());
    }

    /**
     * Writes a P-DATA-TF holding one PDV, the bytes {@code [offset, offset + length)} of {@code data}, straight to
     * {@code out}: the same bytes as {@link #dataTransfer}, without copying the value twice on the way.
     */
    static void writeDataTransfer(OutputStream out, int contextId, boolean command, boolean last, byte[] data, int offset,
            int length) throws IOException {
        byte[] header = new byte[12];
        ByteBuffer.wrap(header).put((byte) P_DATA_TF).put((byte) 0).putInt(6 + length).putInt(2 + length)
                .put((byte) contextId).put((byte) ((command ? 1 : 0) | (last ? 2 : 0)));
        out.write(header);
        out.write(data, offset, length);
    }

    public static List<Pdv> parseDataTransfer(byte[] body) throws PduException {
        List<Pdv> values = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(body);
        while (in.hasRemaining()) {
            if (in.remaining() < 6) {
                throw new PduException(6, "Truncated presentation data value");
            }
            long length = Integer.toUnsignedLong(in.getInt());
            if (length < 2 || length > in.remaining()) {
                throw new PduException(6, "Presentation data value of " + length + " bytes does not fit its PDU");
            }
            int contextId = in.get() & 0xFF;
            int header = in.get() & 0xFF;
            byte[] data = new byte[(int) length - 2];
            in.get(data);
            values.add(new Pdv(contextId, (header & 1) != 0, (header & 2) != 0, data));
        }
        if (values.isEmpty()) {
            throw new PduException(6, "P-DATA-TF without a presentation data value");
        }
        return values;
    }

    private static byte[] item(int type, byte[] value) {
        ByteBuffer item = ByteBuffer.allocate(4 + value.length);
        item.put((byte) type).put((byte) 0).putShort((short) value.length).put(value);
        return item.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] pdu(int type, byte[] body) {
        ByteBuffer pdu = ByteBuffer.allocate(6 + body.length);
        pdu.put((byte) type).put((byte) 0).putInt(body.length).put(body);
        return pdu.array();
    }
}
