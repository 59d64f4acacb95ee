package org.synovia.fuzz;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON API posted valid bodies from its corpus (the OpenAPI example, the CDS Hooks samples, a FHIR ServiceRequest
 * and transaction), each mutated in its text: a value replaced by another or by something not quite JSON, a member
 * dropped or repeated (duplicate keys), a member the schema does not have, or the body truncated, emptied, nested
 * thousands deep, oversize, or sent with the wrong content type.
 */
final class JsonTarget implements FuzzTarget {

    private static final Pattern MEMBER = Pattern.compile(
            "(\"[A-Za-z_][A-Za-z0-9_]*\"\\s*:\\s*)(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null|\\[\\s*\\]|\\{\\s*\\})");

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String name;
    private final WebSession session;
    private final String path;
    private final Map<String, String> headers;
    private final List<String> corpus;
    private final UnaryOperator<String> fresh;

    /**
     * @param fresh makes a corpus body unique before sending (new order numbers), so valid ones are new records
     */
    JsonTarget(String name, WebSession session, String path, Map<String, String> headers, List<String> corpus,
            UnaryOperator<String> fresh) {
        this.name = name;
        this.session = session;
        this.path = path;
        this.headers = headers;
        this.corpus = corpus;
        this.fresh = fresh;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Input draw(Random random) {
        int entry = random.nextInt(corpus.size());
        int members = count(corpus.get(entry));
        return new Input(entry, FuzzTarget.some(random, () -> {
            String member = String.valueOf(random.nextInt(Math.max(members, 1)));
            return switch (random.nextInt(24)) {
                case 0, 1 -> new Mutation("drop:" + member, "");
                case 2, 3 -> new Mutation("repeat:" + member, Mutations.json(random));
                case 4 -> new Mutation("add", Mutations.json(random));
                case 5 -> new Mutation("body", List.of("truncate", "empty", "deep", "oversize", "noise", "array", "bom")
                        .get(random.nextInt(7)) + (random.nextBoolean() ? "" : "@" + random.nextInt(1000)));
                case 6 -> new Mutation("content-type", List.of("text/plain", "application/xml", "", "application/json; charset=latin1",
                        "application/fhir+json", "multipart/form-data").get(random.nextInt(6)));
                default -> new Mutation("value:" + member, Mutations.json(random));
            };
        }));
    }

    private static int count(String json) {
        Matcher matcher = MEMBER.matcher(json);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Override
    public Answer send(Input input) throws Exception {
        String body = fresh.apply(corpus.get(input.corpusEntry()));
        String contentType = "application/json";
        byte[] bytes = null;
        for (Mutation mutation : input.mutations()) {
            String where = mutation.where();
            if (where.startsWith("value:") || where.startsWith("drop:") || where.startsWith("repeat:")) {
                body = member(body, Integer.parseInt(where.substring(where.indexOf(':') + 1)), where, mutation.value());
            } else if (where.equals("add")) {
                body = body.replaceFirst("\\{", "{\"fuzzExtra\": " + Matcher.quoteReplacement(mutation.value()) + ", ");
            } else if (where.equals("content-type")) {
                contentType = mutation.value();
            } else if (where.equals("body")) {
                String kind = mutation.value().replaceAll("@.*", "");
                int at = mutation.value().contains("@") ? Integer.parseInt(mutation.value().replaceAll(".*@", "")) : body.length() / 2;
                body = switch (kind) {
                    case "truncate" -> body.substring(0, Math.min(at, body.length()));
                    case "empty" -> "";
                    case "deep" -> "[".repeat(5_000) + body + "]".repeat(5_000);
                    case "oversize" -> body.replaceFirst("\\{", "{\"pad\": \"" + "x".repeat(3 << 20) + "\", ");
                    case "array" -> "[" + body + "," + body + "]";
                    default -> body;
                };
                if (kind.equals("noise")) {
                    bytes = body.getBytes(StandardCharsets.UTF_8);
                    Random noise = new Random(at);
                    for (int i = 0; i < 8; i++) {
                        bytes[noise.nextInt(bytes.length)] = (byte) noise.nextInt(256);
                    }
                } else if (kind.equals("bom")) {
                    bytes = ("\uFEFF" + body).getBytes(StandardCharsets.UTF_16LE);
                }
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(session.uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes != null ? bytes : body.getBytes(StandardCharsets.UTF_8)));
        headers.forEach(request::header);
        if (!contentType.isEmpty()) {
            request.setHeader("Content-Type", contentType);
        }
        HttpResponse<String> answer = session.send(request);
        String location = answer.headers().firstValue("Location").orElse(null);
        return new Answer(answer.statusCode(), answer.body(), WebSession.isHtml(answer),
                answer.statusCode() < 300 ? ids(location + " " + answer.body()) : null);
    }

    /** The body with its n-th member's value replaced, the member dropped, or repeated with another value. */
    private static String member(String body, int n, String how, String value) {
        Matcher matcher = MEMBER.matcher(body);
        for (int i = 0; matcher.find(); i++) {
            if (i == n) {
                String replacement;
                if (how.startsWith("value:")) {
                    replacement = matcher.group(1) + value;
                } else if (how.startsWith("drop:")) {
                    String before = body.substring(0, matcher.start());
                    String after = body.substring(matcher.end());
                    if (after.stripLeading().startsWith(",")) {
                        after = after.stripLeading().substring(1);
                    } else {
                        before = before.replaceFirst(",\\s*$", "");
                    }
                    return before + after;
                } else {
                    replacement = matcher.group(0) + ", " + matcher.group(1) + value;
                }
                return body.substring(0, matcher.start()) + replacement + body.substring(matcher.end());
            }
        }
        return body;
    }

    /** The record ids an answer names: a create's Location, a transaction's entries. */
    private static String ids(String text) {
        Matcher id = UUID.matcher(text);
        StringBuilder ids = new StringBuilder();
        while (id.find()) {
            ids.append(id.group()).append(' ');
        }
        return ids.isEmpty() ? null : ids.toString();
    }

    static List<String> join(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
