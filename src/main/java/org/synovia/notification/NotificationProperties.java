package org.synovia.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender address of every email
 * @param publicUrl the address staff use to reach Synovia, for links in emails
 * @param maxAttempts a failing email is retried this many times, then left FAILED for staff to see
 * @param lease how long an instance holds an email it is sending before another instance may send it instead;
 *        longer than one SMTP conversation can take ({@code spring.mail.properties.mail.smtp.*timeout})
 */
@ConfigurationProperties("synovia.notification")
public record NotificationProperties(@DefaultValue("synovia@localhost") String from,
        @DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue("5") int maxAttempts,
        @DefaultValue("PT5M") Duration lease) {

    public NotificationProperties {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("synovia.notification.lease must be positive");
        }
    }
}
