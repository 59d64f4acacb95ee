package org.synovia.fuzz;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forms of staff pages, as a signed-in user of the right role sees them: the round fetches each page once, keeps
 * its forms (action, fields and values, with the session's CSRF token) as the corpus, lays the given valid values
 * over them, and posts them back mutated: a field's value replaced, dropped or repeated, a field the form does not
 * have (list rows far past the binder's limit among them), the record id in the action replaced, or the body itself
 * truncated, oversize, in another encoding or content type.
 */
final class FormTarget implements FuzzTarget {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern UUID_IN_PATH = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> EXTRA_FIELDS = List.of("treatments[5000].kind", "treatments[-1].kind",
            "targets[99999].siteCode", "targets[2147483648].siteCode", "allergies[50].agent", "medicines[0][1].drug",
            "class.module.classLoader.URLs[0]", "id", "status", "submittedBy", "a.b.c.d", "_method", "", "x[", "]");

    record Form(String method, String action, List<Map.Entry<String, String>> fields) {
    }

    private final String name;
    private final WebSession session;
    private final List<String> pages;
    private final Map<String, String> valid;
    private final Predicate<String> skipAction;
    private List<Form> forms;

    /**
     * @param pages      the pages whose forms make the corpus
     * @param valid      values laid over the page's own (a page's empty fields are rarely valid)
     * @param skipAction actions left out: those that would end the fuzz user's own session
     */
    FormTarget(String name, WebSession session, List<String> pages, Map<String, String> valid, Predicate<String> skipAction) {
        this.name = name;
        this.session = session;
        this.pages = pages;
        this.valid = valid;
        this.skipAction = skipAction;
    }

    @Override
    public String name() {
        return name;
    }

    List<Form> forms() throws Exception {
        if (forms == null) {
            forms = new ArrayList<>();
            for (String page : pages) {
                HttpResponse<String> answer = session.get(page);
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(page + " answered " + answer.statusCode());
                }
                forms.addAll(formsIn(answer.body()));
            }
            forms.removeIf(form -> skipAction.test(form.action()) || form.action().startsWith("/logout"));
            if (forms.isEmpty()) {
                throw new IllegalStateException("No forms on " + pages);
            }
        }
        return forms;
    }

    private List<Form> formsIn(String page) {
        List<Form> found = new ArrayList<>();
        Matcher form = FORM.matcher(page);
        while (form.find()) {
            String action = attribute(form.group(1), "action");
            if (action == null || !action.startsWith("/")) {
                continue;
            }
            String method = attribute(form.group(1), "method");
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                String field = attribute(input.group(1), "name");
                String type = String.valueOf(attribute(input.group(1), "type")).toLowerCase();
                if (field == null || ((type.equals("checkbox") || type.equals("radio")) && fields.containsKey(field))) {
                    continue;
                }
                String value = attribute(input.group(1), "value");
                fields.put(field, value == null ? (type.equals("checkbox") ? "true" : "") : value);
            }
            Matcher select = SELECT.matcher(form.group(2));
            while (select.find()) {
                String field = attribute(select.group(1), "name");
                Matcher option = OPTION.matcher(select.group(2));
                String first = "";
                while (option.find()) {
                    String value = attribute(option.group(1), "value");
                    if (value != null && !value.isEmpty()) {
                        first = value;
                        break;
                    }
                }
                if (field != null) {
                    fields.put(field, first);
                }
            }
            Matcher textarea = TEXTAREA.matcher(form.group(2));
            while (textarea.find()) {
                String field = attribute(textarea.group(1), "name");
                if (field != null) {
                    fields.put(field, unescape(textarea.group(2)));
                }
            }
            valid.forEach((field, value) -> {
                if (fields.containsKey(field)) {
                    fields.put(field, value);
                }
            });
            found.add(new Form(method == null ? "get" : method.toLowerCase(), unescape(action),
                    new ArrayList<>(fields.entrySet())));
        }
        return found;
    }

    private static String attribute(String tag, String attribute) {
        Matcher matcher = Pattern.compile("\\b" + attribute + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(tag);
        return matcher.find() ? unescape(matcher.group(1)) : null;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    @Override
    public Input draw(Random random) {
        List<Form> all;
        try {
            all = forms();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        int entry = random.nextInt(all.size());
        List<Map.Entry<String, String>> fields = all.get(entry).fields();
        return new Input(entry, FuzzTarget.some(random, () -> {
            String field = fields.isEmpty() ? "x" : fields.get(random.nextInt(fields.size())).getKey();
            return switch (random.nextInt(20)) {
                case 0, 1 -> new Mutation("drop:" + field, "");
                case 2 -> new Mutation("repeat:" + field, Mutations.text(random));
                case 3, 4 -> new Mutation("add:" + EXTRA_FIELDS.get(random.nextInt(EXTRA_FIELDS.size())), Mutations.text(random));
                case 5 -> new Mutation("path", Mutations.text(random));
                case 6 -> new Mutation("body", List.of("truncate", "oversize", "latin-1", "json", "none", "multipart",
                        "no-csrf", "get").get(random.nextInt(8)));
                default -> new Mutation("set:" + field, Mutations.text(random));
            };
        }));
    }

    @Override
    public Answer send(Input input) throws Exception {
        Form form = forms().get(input.corpusEntry());
        List<Map.Entry<String, String>> fields = new ArrayList<>(form.fields());
        String action = form.action();
        String body = null;
        for (Mutation mutation : input.mutations()) {
            String where = mutation.where();
            String field = where.substring(where.indexOf(':') + 1);
            if (where.startsWith("set:")) {
                fields.replaceAll(f -> f.getKey().equals(field) ? Map.entry(field, mutation.value()) : f);
            } else if (where.startsWith("drop:")) {
                fields.removeIf(f -> f.getKey().equals(field));
            } else if (where.startsWith("repeat:") || where.startsWith("add:")) {
                fields.add(Map.entry(field, mutation.value()));
            } else if (where.equals("path")) {
                Matcher id = UUID_IN_PATH.matcher(action);
                String replacement = URLEncoder.encode(mutation.value(), StandardCharsets.UTF_8);
                action = id.find() ? action.substring(0, id.start()) + replacement + action.substring(id.end())
                        : action + "/" + replacement;
            } else if (where.equals("body")) {
                body = mutation.value();
            }
        }
        if (!"no-csrf".equals(body) && form.method().equals("post")) {
            fields.removeIf(f -> f.getKey().equals("_csrf"));
            fields.add(Map.entry("_csrf", session.csrf()));
        }
        HttpResponse<String> answer;
        try {
            answer = post(form, action, fields, body);
        } catch (java.io.IOException closed) {
            if ("oversize".equals(body)) {
                // Over the server's 2 MB limit it answers 400 and closes without reading the rest (its swallow limit);
                // a client still sending may see only the close. A refusal, as ADR 0053's oversize HL7 frame.
                return new Answer(Answer.CLOSED, "", false, null);
            }
            throw closed;
        }
        if (WebSession.toLogin(answer)) {
            session.signIn();
            answer = post(form, action, fields, body);
        }
        String location = answer.headers().firstValue("Location").orElse(null);
        return new Answer(answer.statusCode(), answer.body() + (location == null ? "" : "\nLocation: " + location),
                WebSession.isHtml(answer), created(answer.statusCode(), location));
    }

    private HttpResponse<String> post(Form form, String action, List<Map.Entry<String, String>> fields, String body)
            throws Exception {
        String encoded = WebSession.encode(fields);
        if (form.method().equals("get") || "get".equals(body)) {
            return session.get(action + (action.contains("?") ? "&" : "?") + encoded);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(session.uri(action));
        String type = "application/x-www-form-urlencoded";
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.ofString(encoded);
        if (body != null) {
            switch (body) {
                case "truncate" -> publisher = HttpRequest.BodyPublishers.ofString(encoded.substring(0, encoded.length() / 2));
                case "oversize" -> publisher = HttpRequest.BodyPublishers.ofString(encoded + "&pad=" + "x".repeat(3 << 20));
                case "latin-1" -> publisher = HttpRequest.BodyPublishers.ofByteArray(
                        (encoded + "&clinicalQuestion=caf\u00e9\u00ff").replace("%C3%A9", "\u00e9").getBytes(StandardCharsets.ISO_8859_1));
                case "json" -> type = "application/json";
                case "none" -> type = null;
                case "multipart" -> type = "multipart/form-data; boundary=zzz";
                default -> { }
            }
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return session.send(request.POST(publisher));
    }

    /** The id of a record the answer says was made: a redirect to the record's page. */
    private static String created(int status, String location) {
        if (status != 302 || location == null) {
            return null;
        }
        Matcher id = UUID_IN_PATH.matcher(location);
        return id.find() ? location.replaceAll("^https?://[^/]+", "") : null;
    }
}
