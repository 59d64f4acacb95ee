package org.synovia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Both SMS providers against local fakes of their HTTP APIs. */
class TextMessageSendersTests {

    private final FakeTextProviders.Gateway gateway = new FakeTextProviders.Gateway();
    private final FakeTextProviders.Notify notify = new FakeTextProviders.Notify();

    @AfterEach
    void stop() {
        gateway.close();
        notify.close();
    }

    static TextMessageProperties gatewayAt(String url, String authValue) {
        return new TextMessageProperties("http-gateway", Duration.ofSeconds(2), Duration.ofSeconds(2),
                new TextMessageProperties.Notify("", "", "https://api.notifications.service.gov.uk"),
                new TextMessageProperties.Gateway(url, "Authorization", authValue,
                        "{\"to\":\"{{to}}\",\"text\":\"{{text}}\",\"reference\":\"{{reference}}\"}"));
    }

    static TextMessageProperties notifyAt(String baseUrl, String apiKey) {
        return new TextMessageProperties("notify", Duration.ofSeconds(2), Duration.ofSeconds(2),
                new TextMessageProperties.Notify(apiKey, FakeTextProviders.Notify.TEMPLATE_ID, baseUrl),
                new TextMessageProperties.Gateway("", "Authorization", "", "{}"));
    }

    @Test
    void postsTheTextToTheGatewayAsJsonWithItsKey() throws Exception {
        new HttpGatewayTextMessageSender(gatewayAt(gateway.url(), FakeTextProviders.Gateway.KEY))
                .send("<ref-1@synovia>", "07700 900123", "Your appointment: \"Room 1\"\nlink");

        assertThat(gateway.received).containsExactly(
                new FakeTextProviders.Received("07700 900123", "Your appointment: \"Room 1\"\nlink", "<ref-1@synovia>"));
    }

    @Test
    void saysWhatTheGatewayAnsweredWhenItRefuses() {
        var sender = new HttpGatewayTextMessageSender(gatewayAt(gateway.url(), "Bearer wrong-key"));

        assertThatThrownBy(() -> sender.send("r", "07700 900123", "text"))
                .isInstanceOf(MessageSender.MessageNotSentException.class).hasMessageContaining("401");
        assertThat(gateway.received).isEmpty();
    }

    @Test
    void givesUpOnASilentGatewayWithinItsReadTimeout() throws Exception {
        // A server that accepts the connection and never answers.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var sender = new HttpGatewayTextMessageSender(new TextMessageProperties("http-gateway", Duration.ofSeconds(1),
                    Duration.ofMillis(500), new TextMessageProperties.Notify("", "", "https://example.invalid"),
                    new TextMessageProperties.Gateway("http://127.0.0.1:" + silent.getLocalPort() + "/sms", "Authorization",
                            "", "{\"to\":\"{{to}}\",\"text\":\"{{text}}\"}")));
            long started = System.nanoTime();

            assertThatThrownBy(() -> sender.send("r", "07700 900123", "text"))
                    .isInstanceOf(MessageSender.MessageNotSentException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void textsThroughNotifyWithASignedTokenAndTheTemplate() throws Exception {
        new NotifyTextMessageSender(notifyAt(notify.baseUrl(), FakeTextProviders.Notify.API_KEY))
                .send("ref-2", "07700 900124", "Please fill in your diary: https://example.org/my-diary/x");

        assertThat(notify.received).containsExactly(new FakeTextProviders.Received("07700 900124",
                "Please fill in your diary: https://example.org/my-diary/x", "ref-2"));
    }

    @Test
    void reportsNotifysRefusalOfAKeyItDoesNotKnow() {
        String otherKey = "test_key-" + FakeTextProviders.Notify.SERVICE_ID + "-00000000-0000-0000-0000-000000000000";
        var sender = new NotifyTextMessageSender(notifyAt(notify.baseUrl(), otherKey));

        assertThatThrownBy(() -> sender.send("r", "07700 900123", "text"))
                .isInstanceOf(MessageSender.MessageNotSentException.class).hasMessageContaining("403");
        assertThat(notify.received).isEmpty();
    }

    @Test
    void givesUpOnASilentNotifyWithinItsReadTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var sender = new NotifyTextMessageSender(new TextMessageProperties("notify", Duration.ofSeconds(1),
                    Duration.ofMillis(500), new TextMessageProperties.Notify(FakeTextProviders.Notify.API_KEY,
                            FakeTextProviders.Notify.TEMPLATE_ID, "http://127.0.0.1:" + silent.getLocalPort()),
                    new TextMessageProperties.Gateway("", "Authorization", "", "{}")));
            long started = System.nanoTime();

            assertThatThrownBy(() -> sender.send("r", "07700 900123", "text"))
                    .isInstanceOf(MessageSender.MessageNotSentException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
