package org.synovia.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.json.JSONObject;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Local fakes of the two SMS APIs, real HTTP servers on loopback: each checks a request the way the real API does
 * (path, method, authorisation, JSON fields), answers as it would, and records what it accepted.
 */
public final class FakeTextProviders {

    private FakeTextProviders() {
    }

    /** A text the fake accepted. */
    public record Received(String to, String text, String reference) {
    }

    /** A generic gateway: POST /sms with {@code Authorization: Bearer <key>} and JSON {to, text, reference}. */
    public static final class Gateway implements AutoCloseable {

        public static final String KEY = "Bearer test-gateway-key";
        private final HttpServer server;
        public final List<Received> received = new CopyOnWriteArrayList<>();
        /** Set to a status to refuse every request with it; 0 to accept. */
        public volatile int refuseWith;

        public Gateway() {
            server = start(this::handle);
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
        }

        private void handle(HttpExchange exchange) throws IOException {
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/sms")) {
                answer(exchange, 404, "{\"error\":\"not found\"}");
                return;
            }
            if (!KEY.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"error\":\"unauthorised\"}");
                return;
            }
            if (refuseWith != 0) {
                answer(exchange, refuseWith, "{\"error\":\"refused for the test\"}");
                return;
            }
            JSONObject body;
            try {
                body = new JSONObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            catch (RuntimeException e) {
                answer(exchange, 400, "{\"error\":\"not JSON\"}");
                return;
            }
            if (!body.optString("to").matches("\\+?[0-9 ]{10,16}") || body.optString("text").isBlank()) {
                answer(exchange, 400, "{\"error\":\"to and text are required\"}");
                return;
            }
            received.add(new Received(body.getString("to"), body.getString("text"), body.optString("reference")));
            answer(exchange, 202, "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"accepted\"}");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /**
     * GOV.UK Notify's API: POST /v2/notifications/sms with a JWT signed (HS256) with the API key's secret and issued
     * by its service id, and JSON {phone_number, template_id, personalisation, reference}; answers 201 with the
     * notification, as Notify does.
     */
    public static final class Notify implements AutoCloseable {

        public static final String SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
        public static final String SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
        public static final String API_KEY = "test_key-" + SERVICE_ID + "-" + SECRET;
        public static final String TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";
        private final HttpServer server;
        public final List<Received> received = new CopyOnWriteArrayList<>();

        public Notify() {
            server = start(this::handle);
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/v2/notifications/sms")) {
                answer(exchange, 404, error("ResourceNotFound", "not found"));
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ") || !validToken(authorization.substring(7))) {
                answer(exchange, 403, error("AuthError", "Invalid token: signature, api token not found"));
                return;
            }
            JSONObject body = new JSONObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!TEMPLATE_ID.equals(body.optString("template_id"))) {
                answer(exchange, 400, error("BadRequestError", "Template not found"));
                return;
            }
            JSONObject personalisation = body.optJSONObject("personalisation");
            if (personalisation == null || personalisation.optString("body").isBlank()) {
                answer(exchange, 400, error("BadRequestError", "Missing personalisation: body"));
                return;
            }
            String text = personalisation.getString("body");
            received.add(new Received(body.getString("phone_number"), text, body.optString("reference")));
            String id = UUID.randomUUID().toString();
            answer(exchange, 201, new JSONObject()
                    .put("id", id).put("reference", body.optString("reference"))
                    .put("content", new JSONObject().put("body", text).put("from_number", "SYNOVIA"))
                    .put("uri", baseUrl() + "/v2/notifications/" + id)
                    .put("template", new JSONObject().put("id", TEMPLATE_ID).put("version", 1)
                            .put("uri", baseUrl() + "/v2/templates/" + TEMPLATE_ID))
                    .toString());
        }

        /** A JWT as Notify checks it: HS256 over header and payload with the key's secret, issued by the service. */
        private static boolean validToken(String token) {
            String[] parts = token.split("\\.");
            if (parts.length != 3) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                String expected = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
                JSONObject header = new JSONObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
                JSONObject claims = new JSONObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
                return expected.equals(parts[2]) && "HS256".equals(header.optString("alg"))
                        && SERVICE_ID.equals(claims.optString("iss")) && claims.has("iat");
            }
            catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }

        private static String error(String kind, String message) {
            return new JSONObject().put("status_code", 400)
                    .put("errors", List.of(new JSONObject().put("error", kind).put("message", message))).toString();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static HttpServer start(com.sun.net.httpserver.HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    handler.handle(exchange);
                }
            });
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
