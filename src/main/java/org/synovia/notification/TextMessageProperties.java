package org.synovia.notification;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Text messages to patients (ADR 0077). With no provider, patients without email get a printed letter instead.
 *
 * @param provider {@code none}, {@code notify} (GOV.UK Notify) or {@code http-gateway} (a clinic's SMS gateway)
 * @param connectTimeout how long to wait for the provider to accept a connection
 * @param readTimeout how long to wait for its answer
 * @param govukNotify GOV.UK Notify: the API key, the id of a text template whose whole content is {@code ((body))}, and
 *        the API's base URL
 * @param gateway a generic HTTP gateway: the URL posted to, an authorisation header's name and value, and the JSON
 *        body with {@code {{to}}}, {{text}} and {{reference}} where the number, text and reference go
 */
@ConfigurationProperties("synovia.notification.sms")
public record TextMessageProperties(@DefaultValue("none") String provider, @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration readTimeout, @DefaultValue Notify govukNotify, @DefaultValue Gateway gateway) {

    public TextMessageProperties {
        if (!provider.equals("none") && !provider.equals("notify") && !provider.equals("http-gateway")) {
            throw new IllegalArgumentException("synovia.notification.sms.provider must be none, notify or http-gateway");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("synovia.notification.sms timeouts must be positive");
        }
        if (provider.equals("notify") && (govukNotify.apiKey().isBlank() || govukNotify.templateId().isBlank())) {
            throw new IllegalArgumentException("synovia.notification.sms.govuk-notify needs api-key and template-id");
        }
        if (provider.equals("http-gateway") && gateway.url().isBlank()) {
            throw new IllegalArgumentException("synovia.notification.sms.gateway.url must be set");
        }
    }

    public boolean configured() {
        return !provider.equals("none");
    }

    public record Notify(@DefaultValue("") String apiKey, @DefaultValue("") String templateId,
            @DefaultValue("https://api.notifications.service.gov.uk") String baseUrl) {
    }

    public record Gateway(@DefaultValue("") String url, @DefaultValue("Authorization") String authHeader,
            @DefaultValue("") String authValue,
            @DefaultValue("{\"to\":\"{{to}}\",\"text\":\"{{text}}\",\"reference\":\"{{reference}}\"}") String bodyTemplate) {

        URI uri() {
            return URI.create(url);
        }
    }
}
