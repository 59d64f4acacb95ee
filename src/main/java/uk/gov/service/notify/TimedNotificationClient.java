package uk.gov.service.notify;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;

/**
 * GOV.UK Notify's client with connect and read timeouts: the client opens its connections without any, so a
 * silent server would hold the sending thread for ever. It lives in the client's package because the method that
 * opens connections is package-private there (ADR 0077).
 */
public class TimedNotificationClient extends NotificationClient {

    private final int connectMillis;
    private final int readMillis;

    public TimedNotificationClient(String apiKey, String baseUrl, Duration connectTimeout, Duration readTimeout) {
        super(apiKey, baseUrl);
        this.connectMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readMillis = Math.toIntExact(readTimeout.toMillis());
    }

    @Override
    HttpURLConnection getConnection(URL url) throws IOException {
        HttpURLConnection connection = super.getConnection(url);
        connection.setConnectTimeout(connectMillis);
        connection.setReadTimeout(readMillis);
        return connection;
    }
}
