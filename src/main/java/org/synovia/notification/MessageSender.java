package org.synovia.notification;

/**
 * Delivers one stored message over one channel. The outbox decides when and how often to try, and records
 * the outcome; an implementation only hands the message over or says why it could not. SMTP is the one
 * implementation; an SMS channel (e.g. GOV.UK Notify) would implement this too, ignoring subject and attachment.
 * It is called outside any database transaction and must give up within its own connect and read timeouts.
 */
public interface MessageSender {

    /**
     * @param messageId the same for every attempt at one stored message ({@code <row id@host>}), so that a
     *        message delivered twice (sent, then the instance died before recording it) is recognisable
     * @param attachment a file to send with it, or null
     * @throws MessageNotSentException when the message was not handed over; the outbox retries later
     */
    void send(String messageId, String recipient, String subject, String body, Attachment attachment)
            throws MessageNotSentException;

    /** Why a message could not be handed over, in words staff can act on. */
    class MessageNotSentException extends Exception {

        public MessageNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
