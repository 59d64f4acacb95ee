package org.synovia.safety.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.synovia.catalogue.Catalogue;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.SiteFacts;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a request body into a {@link SafetyInput}, strictly: an unknown property is an error (a
 * misspelt {@code weightKg} must not silently become "weight unknown"), and every failure becomes a
 * list of field problems with JSON paths such as {@code patient.weightKg}. When the procedure gives
 * only a {@code siteCode}, the site facts are taken from the catalogue.
 */
class AssessmentRequestReader {

    private final JsonMapper mapper;
    private final Catalogue catalogue;

    AssessmentRequestReader(JsonMapper mapper, Catalogue catalogue) {
        this.mapper = mapper.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        this.catalogue = catalogue;
    }

    SafetyInput read(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "is empty; send a JSON assessment request");
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (!(tree instanceof ObjectNode root)) {
                throw new InvalidInputException("body", "must be a JSON object");
            }
            checkText(root, "");
            fillSiteFromCatalogue(root);
            return mapper.treeToValue(root, SafetyInput.class);
        } catch (StreamReadException e) {
            throw new InvalidInputException("body", "is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (JacksonException e) {
            throw new InvalidInputException(problems(e));
        }
    }

    /** Longest text a field may hold; the longest real one (a free-text reaction) is far shorter. */
    static final int MAX_TEXT_LENGTH = 1_000;

    /** Refuses control characters (other than tab and line breaks) and over-long text anywhere in the request. */
    private static void checkText(JsonNode node, String path) {
        if (node.isString()) {
            String text = node.asString();
            String field = path.isEmpty() ? "body" : path;
            if (text.length() > MAX_TEXT_LENGTH) {
                throw new InvalidInputException(field, "is longer than " + MAX_TEXT_LENGTH + " characters");
            }
            if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
                throw new InvalidInputException(field, "holds a control character; send plain text");
            }
        } else if (node.isObject()) {
            for (var entry : node.properties()) {
                checkText(entry.getValue(), join(path, entry.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private void fillSiteFromCatalogue(ObjectNode root) {
        if (!(root.get("procedure") instanceof ObjectNode procedure)) {
            return;
        }
        fillSite(procedure, "procedure");
        if (procedure.get("additionalTargets") instanceof ArrayNode targets) {
            for (int i = 0; i < targets.size(); i++) {
                if (targets.get(i) instanceof ObjectNode target) {
                    fillSite(target, "procedure.additionalTargets[" + i + "]");
                }
            }
        }
    }

    private void fillSite(ObjectNode target, String path) {
        JsonNode site = target.get("site");
        JsonNode code = target.get("siteCode");
        if ((site == null || site.isNull()) && code != null && code.isString()) {
            var known = catalogue.site(code.asString())
                    .orElseThrow(() -> new InvalidInputException(path + ".siteCode",
                            "is not a site in the catalogue: " + code.asString()));
            target.set("site", mapper.valueToTree(SiteFacts.from(known)));
        }
    }

    private static List<FieldProblem> problems(JacksonException e) {
        String path = path(e);
        Throwable cause = e.getCause();
        if (e instanceof ValueInstantiationException instantiation && cause instanceof InvalidInputException invalid
                && instantiation.getType() != null && instantiation.getType().isEnumType()) {
            // A single value such as a yes/no answer: the problem is the field itself, not a part of it.
            return invalid.problems().stream().map(p -> new FieldProblem(path, p.message())).toList();
        }
        if (e instanceof ValueInstantiationException && cause instanceof InvalidInputException invalid) {
            List<FieldProblem> problems = new ArrayList<>();
            for (FieldProblem problem : invalid.problems()) {
                problems.add(new FieldProblem(join(path, problem.field()), problem.message()));
            }
            return problems;
        }
        if (e instanceof UnrecognizedPropertyException) {
            return List.of(new FieldProblem(path, "is not a known field"));
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return List.of(new FieldProblem(path, "must be one of " + allowed));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return List.of(new FieldProblem(path, "must be " + describe(mismatch.getTargetType())));
        }
        return List.of(new FieldProblem(path.isEmpty() ? "body" : path, "cannot be read"));
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (yyyy-mm-dd)";
            case "LocalDateTime" -> "a date and time (yyyy-mm-ddThh:mm)";
            case "LocalTime" -> "a time (hh:mm)";
            case "Double", "double", "Integer", "int" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "List" -> "a list";
            case "String" -> "text";
            default -> "an object";
        };
    }

    private static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
