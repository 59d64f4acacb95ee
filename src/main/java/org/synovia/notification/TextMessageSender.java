package org.synovia.notification;

/**
 * Hands one text message (SMS) to a provider: GOV.UK Notify for NHS organisations, or a clinic's own HTTP SMS
 * gateway ({@code synovia.notification.sms.provider}). Like {@link MessageSender}, it is called by the outbox
 * outside any database transaction, once per attempt, and gives up within its connect and read timeouts.
 */
public interface TextMessageSender {

    /**
     * @param reference the same for every attempt at one stored message, given to the provider as its reference
     * @param mobile the patient's mobile number as recorded
     * @param text the whole text, its link already put in
     * @throws MessageSender.MessageNotSentException when the provider did not accept it; the outbox retries later
     */
    void send(String reference, String mobile, String text) throws MessageSender.MessageNotSentException;
}
