package org.synovia.fuzz;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part over real HTTP: its own cookies, sign-in through the login page, and the CSRF token that page
 * gives, kept for the session. Every request has connect and answer timeouts; an answer past them is a hang.
 */
final class WebSession {

    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"|<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final String username;
    private final String password;
    private String csrf;
    int signIns;

    WebSession(int port, String username, String password) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.username = username;
        this.password = password;
    }

    /** Signs in through the login form, as a browser does; an anonymous session only fetches its CSRF token. */
    WebSession signIn() throws IOException, InterruptedException {
        HttpResponse<String> login = get("/login");
        csrf = csrfIn(login.body());
        if (username != null) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/login")).POST(HttpRequest.BodyPublishers.ofString(
                    encode(List.of(Map.entry("username", username), Map.entry("password", password),
                            Map.entry("_csrf", csrf)))))
                    .header("Content-Type", "application/x-www-form-urlencoded"));
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("Sign-in as " + username + " failed: " + answer.statusCode() + " " + location);
            }
            csrf = csrfIn(get("/").body());
            signIns++;
        }
        return this;
    }

    String csrf() {
        return csrf;
    }

    static String csrfIn(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token in the page");
        }
        for (int group = 1; group <= 3; group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        throw new IllegalStateException("No CSRF token in the page");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Sends the request; when the session has ended (a redirect to the login page) signs in again once and resends. */
    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(ANSWER_TIMEOUT).build();
        return http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    static boolean toLogin(HttpResponse<?> answer) {
        return answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains("/login");
    }

    static String encode(List<Map.Entry<String, String>> fields) {
        return fields.stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static boolean isHtml(HttpResponse<?> answer) {
        return answer.headers().firstValue("Content-Type").orElse("").contains("html");
    }
}
