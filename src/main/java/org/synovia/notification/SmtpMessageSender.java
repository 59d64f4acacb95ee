package org.synovia.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Email over SMTP ({@code spring.mail.*}); a message with an attachment goes as a multipart MIME message. */
@Component
class SmtpMessageSender implements MessageSender {

    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationProperties properties;

    SmtpMessageSender(ObjectProvider<JavaMailSender> mailSender, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.properties = properties;
    }

    @Override
    public void send(String recipient, String subject, String body, Attachment attachment) throws MessageNotSentException {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new MessageNotSentException("No SMTP server is configured (spring.mail.host).", null);
        }
        try {
            if (attachment == null) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(properties.from());
                message.setTo(recipient);
                message.setSubject(subject);
                message.setText(body);
                sender.send(message);
            }
            else {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(properties.from());
                helper.setTo(recipient);
                helper.setSubject(subject);
                helper.setText(body);
                helper.addAttachment(attachment.name(), new ByteArrayResource(attachment.content()), attachment.contentType());
                sender.send(message);
            }
        }
        catch (MailException | MessagingException e) {
            throw new MessageNotSentException(e.getMessage(), e);
        }
    }
}
