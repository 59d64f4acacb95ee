package org.synovia.notification;

import org.springframework.stereotype.Component;

/** The configured SMS provider, if any ({@code synovia.notification.sms.provider}). */
@Component
class TextChannel {

    private final TextMessageSender sender;

    @org.springframework.beans.factory.annotation.Autowired
    TextChannel(TextMessageProperties properties) {
        this(switch (properties.provider()) {
            case "notify" -> new NotifyTextMessageSender(properties);
            case "http-gateway" -> new HttpGatewayTextMessageSender(properties);
            default -> null;
        });
    }

    TextChannel(TextMessageSender sender) {
        this.sender = sender;
    }

    /** No provider: every text fails, saying so. */
    static TextChannel none() {
        return new TextChannel((TextMessageSender) null);
    }

    boolean configured() {
        return sender != null;
    }

    void send(String reference, String mobile, String text) throws MessageSender.MessageNotSentException {
        if (sender == null) {
            throw new MessageSender.MessageNotSentException("No SMS provider is configured (synovia.notification.sms.provider).",
                    null);
        }
        sender.send(reference, mobile, text);
    }
}
