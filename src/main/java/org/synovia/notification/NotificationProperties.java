package org.synovia.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender address of every email
 * @param publicUrl the address staff use to reach Synovia, for links in emails
 * @param maxAttempts a failing email is retried this many times, then left FAILED for staff to see
 */
@ConfigurationProperties("synovia.notification")
public record NotificationProperties(@DefaultValue("synovia@localhost") String from,
        @DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue("5") int maxAttempts) {
}
