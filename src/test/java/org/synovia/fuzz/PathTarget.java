package org.synovia.fuzz;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Reads and small posts whose input is in the address: FHIR reads and searches, and the patients' links (diary,
 * appointment, invitation) with their tokens. Each corpus entry is a request with one {@code {v}} in its path; the
 * mutation puts a value there, URL-encoded, encoded twice, or as raw as an address allows, and may change the
 * fields of a post.
 */
final class PathTarget implements FuzzTarget {

    /** A request: GET or POST, its path with {@code {v}}, the value a valid request has there, and post fields. */
    record Request(String method, String path, String valid, List<Map.Entry<String, String>> fields) {

        static Request get(String path, String valid) {
            return new Request("GET", path, valid, List.of());
        }
    }

    private final String name;
    private final WebSession session;
    private final Map<String, String> headers;
    private final List<Request> corpus;

    PathTarget(String name, WebSession session, Map<String, String> headers, List<Request> corpus) {
        this.name = name;
        this.session = session;
        this.headers = headers;
        this.corpus = corpus;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Input draw(Random random) {
        int entry = random.nextInt(corpus.size());
        Request request = corpus.get(entry);
        return new Input(entry, FuzzTarget.some(random, () -> {
            if (!request.fields().isEmpty() && random.nextInt(3) == 0) {
                return new Mutation("field:" + request.fields().get(random.nextInt(request.fields().size())).getKey(),
                        Mutations.text(random));
            }
            String value = random.nextInt(6) == 0 ? "x".repeat(List.of(63, 64, 65, 100, 4_000, 20_000).get(random.nextInt(6)))
                    : Mutations.text(random);
            return new Mutation(List.of("v", "v", "v-twice", "v-raw").get(random.nextInt(4)), value);
        }));
    }

    @Override
    public Answer send(Input input) throws Exception {
        Request request = corpus.get(input.corpusEntry());
        String value = URLEncoder.encode(request.valid(), StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> fields = new ArrayList<>(request.fields());
        for (Mutation mutation : input.mutations()) {
            switch (mutation.where()) {
                case "v" -> value = URLEncoder.encode(mutation.value(), StandardCharsets.UTF_8).replace("+", "%20");
                case "v-twice" -> value = URLEncoder.encode(URLEncoder.encode(mutation.value(), StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8);
                case "v-raw" -> value = raw(mutation.value());
                default -> {
                    String field = mutation.where().substring("field:".length());
                    fields.replaceAll(f -> f.getKey().equals(field) ? Map.entry(field, mutation.value()) : f);
                }
            }
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(session.uri(request.path().replace("{v}", value)));
        headers.forEach(builder::header);
        if (request.method().equals("POST")) {
            fields.add(Map.entry("_csrf", session.csrf()));
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(WebSession.encode(fields)));
        }
        HttpResponse<String> answer = session.send(builder);
        return new Answer(answer.statusCode(), answer.body(), WebSession.isHtml(answer), null);
    }

    /** As raw as an address may be: only what {@code URI} refuses is encoded, so dots, slashes and semicolons pass. */
    private static String raw(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 0x80 || "-._~/;:@!$'()*,=".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }
}
