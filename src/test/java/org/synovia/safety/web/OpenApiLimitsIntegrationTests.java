package org.synovia.safety.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document states the limits the safety API enforces, and they agree: every text field of a request
 * declares the reader's length limit and a pattern refusing exactly the control characters it refuses, and each
 * number's stated minimum and maximum is where the API starts to answer 400 naming that field.
 */
@SynoviaIntegrationTest
class OpenApiLimitsIntegrationTests {

    private static Map<String, Object> document;
    private static Map<String, Object> schemas;

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        try (InputStream in = OpenApiLimitsIntegrationTests.class.getResourceAsStream("/openapi/openapi.yaml")) {
            document = new Yaml().load(in);
        }
        schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
    }

    /** Every schema reachable from the request body, with the JSON path it describes ([] for list items). */
    @SuppressWarnings("unchecked")
    private static void walk(Map<String, Object> schema, String path, Map<String, Map<String, Object>> found, int depth) {
        if (depth > 12) {
            return;
        }
        if (schema.get("$ref") instanceof String ref) {
            walk((Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), path, found, depth + 1);
            return;
        }
        found.put(path, schema);
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, child) -> walk((Map<String, Object>) child, path.isEmpty() ? (String) name
                    : path + "." + name, found, depth + 1));
        }
        if (schema.get("items") instanceof Map<?, ?> items) {
            walk((Map<String, Object>) items, path + "[]", found, depth + 1);
        }
        if (schema.get("oneOf") instanceof List<?> options) {
            options.forEach(option -> walk((Map<String, Object>) option, path, found, depth + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> requestSchemas() {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        walk((Map<String, Object>) schemas.get("SafetyInput"), "", found, 0);
        return found;
    }

    @Test
    void declaresTheReadersTextLimitAndControlCharacterRuleOnEveryTextField() {
        List<String> texts = new ArrayList<>();
        requestSchemas().forEach((path, schema) -> {
            if ("string".equals(schema.get("type")) && !schema.containsKey("enum") && !schema.containsKey("format")) {
                texts.add(path);
                assertThat(schema.get("maxLength")).as(path).isEqualTo(AssessmentRequestReader.MAX_TEXT_LENGTH);
                Pattern pattern = Pattern.compile((String) schema.get("pattern"));
                for (char c = 0; c < 0x3000; c++) {
                    boolean refusedByReader = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
                    assertThat(pattern.matcher("a" + c + "b").matches()).as(path + " U+%04X", (int) c)
                            .isEqualTo(!refusedByReader);
                }
            }
        });
        assertThat(texts).as("text fields found").contains("patient.allergies[].agent", "medicines[].name",
                "procedure.siteCode", "procedure.additionalTargets[].spinalLevel");
    }

    private ObjectNode example() {
        @SuppressWarnings("unchecked")
        Map<String, Object> post = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document.get("paths"))
                .get("/api/v1/safety/assessments")).get("post");
        @SuppressWarnings("unchecked")
        Object example = ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) post.get("requestBody"))
                .get("content")).get("application/json")).get("example");
        return (ObjectNode) json.valueToTree(example);
    }

    private MockHttpServletResponse assess(JsonNode body) throws Exception {
        return mvc.perform(post("/api/v1/safety/assessments").with(user("openapi-limits").roles("REFERRER"))
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn().getResponse();
    }

    private List<String> problemFields(MockHttpServletResponse response) throws Exception {
        List<String> fields = new ArrayList<>();
        if (response.getStatus() == 400) {
            json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("errors")
                    .forEach(e -> fields.add(e.path("field").asString()));
        }
        return fields;
    }

    /** The example with one patient fact set, and what that fact needs beside it (a date with a creatinine). */
    private ObjectNode withFact(String path, BigDecimal value) {
        ObjectNode body = example();
        ObjectNode patient = (ObjectNode) body.get("patient");
        String[] parts = path.split("\\.");
        if (parts.length == 2) {
            patient.set(parts[1], json.valueToTree(value));
        } else {
            ObjectNode nested = patient.putObject(parts[1]);
            nested.put("date", "2027-01-05").put("measuredAt", "2027-01-12T08:00:00");
            if (parts[1].equals("observations")) {
                nested.remove("date");
            } else {
                nested.remove("measuredAt");
            }
            nested.set(parts[2], json.valueToTree(value));
        }
        if (path.equals("patient.creatinineUmolPerL")) {
            patient.put("creatinineDate", "2027-01-05");
        }
        return body;
    }

    @Test
    void answers400NamingTheFieldJustOutsideEachStatedMinimumAndMaximumAndNotAtThem() throws Exception {
        assertThat(assess(example()).getStatus()).as("the document's own example is valid").isEqualTo(200);
        Map<String, Map<String, Object>> bounded = new LinkedHashMap<>();
        requestSchemas().forEach((path, schema) -> {
            if (schema.containsKey("minimum") || schema.containsKey("maximum")) {
                bounded.put(path, schema);
            }
        });
        assertThat(bounded).as("numbers with stated limits").hasSizeGreaterThanOrEqualTo(10);
        for (var entry : bounded.entrySet()) {
            String path = entry.getKey();
            boolean integer = "integer".equals(entry.getValue().get("type"));
            BigDecimal step = integer ? BigDecimal.ONE : new BigDecimal("0.1");
            BigDecimal min = new BigDecimal(entry.getValue().get("minimum").toString());
            BigDecimal max = new BigDecimal(entry.getValue().get("maximum").toString());
            assertThat(problemFields(assess(withFact(path, min)))).as(path + " at its minimum").doesNotContain(path);
            assertThat(problemFields(assess(withFact(path, max)))).as(path + " at its maximum").doesNotContain(path);
            assertThat(problemFields(assess(withFact(path, min.subtract(step))))).as(path + " under its minimum").contains(path);
            assertThat(problemFields(assess(withFact(path, max.add(step))))).as(path + " over its maximum").contains(path);
        }
    }

    @Test
    void answers400NamingTheFieldForTextOverTheStatedLengthOrWithAControlCharacter() throws Exception {
        ObjectNode body = example();
        ((ObjectNode) ((ArrayNode) body.get("medicines")).get(0)).put("name", "R".repeat(AssessmentRequestReader.MAX_TEXT_LENGTH));
        assertThat(problemFields(assess(body))).doesNotContain("medicines[0].name");

        ((ObjectNode) ((ArrayNode) body.get("medicines")).get(0)).put("name", "R".repeat(AssessmentRequestReader.MAX_TEXT_LENGTH + 1));
        assertThat(problemFields(assess(body))).containsExactly("medicines[0].name");

        ((ObjectNode) ((ArrayNode) body.get("medicines")).get(0)).put("name", "Riva\u0007roxaban");
        assertThat(problemFields(assess(body))).containsExactly("medicines[0].name");
    }
}
