package org.synovia.notification;

import java.util.Map;

import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.TimedNotificationClient;

/**
 * Texts through GOV.UK Notify, the NHS organisations' messaging service, with its Java client. Notify sends only
 * from a template: the configured template's content is {@code ((body))}, and the whole text goes in it.
 */
class NotifyTextMessageSender implements TextMessageSender {

    private final NotificationClient client;
    private final String templateId;

    NotifyTextMessageSender(TextMessageProperties properties) {
        TextMessageProperties.Notify notify = properties.govukNotify();
        this.client = new TimedNotificationClient(notify.apiKey(), notify.baseUrl(), properties.connectTimeout(),
                properties.readTimeout());
        this.templateId = notify.templateId();
    }

    @Override
    public void send(String reference, String mobile, String text) throws MessageSender.MessageNotSentException {
        try {
            client.sendSms(templateId, mobile, Map.of("body", text), reference);
        }
        catch (NotificationClientException e) {
            throw new MessageSender.MessageNotSentException("GOV.UK Notify did not accept the text (" + e.getHttpResult()
                    + "): " + e.getMessage(), e);
        }
        catch (RuntimeException e) {
            // The client wraps an unreachable or silent server in a runtime exception of its own.
            throw new MessageSender.MessageNotSentException("GOV.UK Notify could not be reached: " + e.getMessage(), e);
        }
    }
}
