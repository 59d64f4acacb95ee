package org.synovia.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Texts through a clinic's own HTTP SMS gateway: one JSON POST per message, built from a configured template, with
 * the configured authorisation header. Any 2xx answer means accepted.
 */
class HttpGatewayTextMessageSender implements TextMessageSender {

    private final TextMessageProperties properties;
    private final HttpClient http;

    HttpGatewayTextMessageSender(TextMessageProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(String reference, String mobile, String text) throws MessageSender.MessageNotSentException {
        TextMessageProperties.Gateway gateway = properties.gateway();
        String body = gateway.bodyTemplate().replace("{{to}}", json(mobile)).replace("{{text}}", json(text))
                .replace("{{reference}}", json(reference));
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri()).timeout(properties.readTimeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (!gateway.authValue().isBlank()) {
            request.header(gateway.authHeader(), gateway.authValue());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String answer = response.body() == null ? "" : response.body();
                throw new MessageSender.MessageNotSentException("The SMS gateway answered " + response.statusCode() + ": "
                        + answer.substring(0, Math.min(answer.length(), 200)), null);
            }
        }
        catch (IOException e) {
            throw new MessageSender.MessageNotSentException("The SMS gateway could not be reached: " + e, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageSender.MessageNotSentException("Interrupted while texting", e);
        }
    }

    /** The text as the inside of a JSON string. */
    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
