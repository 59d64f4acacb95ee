package org.synovia.notification;

/**
 * Delivers one stored message over one channel. The outbox decides when and how often to try, and records
 * the outcome; an implementation only hands the message over or says why it could not. SMTP is the one
 * implementation; an SMS channel (e.g. GOV.UK Notify) would implement this too, ignoring subject and attachment.
 */
public interface MessageSender {

    /**
     * @param attachment a file to send with it, or null
     * @throws MessageNotSentException when the message was not handed over; the outbox retries later
     */
    void send(String recipient, String subject, String body, Attachment attachment) throws MessageNotSentException;

    /** Why a message could not be handed over, in words staff can act on. */
    class MessageNotSentException extends Exception {

        public MessageNotSentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
