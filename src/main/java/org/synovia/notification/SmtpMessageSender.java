package org.synovia.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Email over SMTP ({@code spring.mail.*}, with the connect, read and write timeouts of
 * {@code spring.mail.properties.mail.smtp.*}); a message with an attachment goes as a multipart MIME message.
 */
@Component
class SmtpMessageSender implements MessageSender {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    SmtpMessageSender(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    @Override
    public void send(String messageId, String recipient, String subject, String body, Attachment attachment)
            throws MessageNotSentException {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new MessageNotSentException("No SMTP server is configured (spring.mail.host).", null);
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(recipient);
            helper.setSubject(subject);
            helper.setText(body);
            if (attachment != null) {
                helper.addAttachment(attachment.name(), new ByteArrayResource(attachment.content()), attachment.contentType());
            }
            // JavaMailSenderImpl keeps a Message-ID set beforehand instead of making a new one per attempt.
            message.setHeader("Message-ID", messageId);
            sender.send(message);
        }
        catch (MailException | MessagingException e) {
            throw new MessageNotSentException(e.getMessage(), e);
        }
    }
}
