package org.synovia.fhir.server;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.springframework.stereotype.Component;
import org.synovia.catalogue.Catalogue;
import org.synovia.catalogue.InjectionSite;
import org.synovia.patient.NhsNumber;
import org.synovia.patient.PatientSearch;
import org.synovia.patient.Patients;
import org.synovia.referral.PregnancyPossibility;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.Urgency;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.YesNoUnknown;
import org.synovia.shared.InvalidInputException.FieldProblem;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps a ServiceRequest to the referral form and back (ADR 0021). What FHIR models directly travels in its own
 * elements: the patient ({@code subject}), the site ({@code bodySite}), the urgency ({@code priority}), the
 * indication ({@code reasonCode}) and the clinical question ({@code note}). Every other answer on the form
 * travels in a contained QuestionnaireResponse whose item linkIds are the form's own field names
 * ({@code laterality}, {@code allergies} with {@code category}, {@code agent}, {@code reaction} …), so the
 * referral module's validation and its messages apply unchanged and each problem names its item. The patient's
 * medicines, allergies, conditions and results sent as resources are read by {@link ResourceFacts}.
 */
@Component
class ReferralForm {

    static final String FORM_ID = "form";
    private static final String ITEMS = "ServiceRequest.contained.ofType(QuestionnaireResponse)";
    private static final Map<String, String> ELEMENT_OF_FIELD = Map.of("patientId", "ServiceRequest.subject", "siteCode",
            "ServiceRequest.bodySite", "urgency", "ServiceRequest.priority", "indication", "ServiceRequest.reasonCode",
            "clinicalQuestion", "ServiceRequest.note");
    private static final Set<String> IN_ELEMENTS = Set.of("patientId", "siteCode", "urgency", "indication", "clinicalQuestion");
    private static final Set<String> FLATTENED = Set.of("referrer", "thromboticRisk");
    private static final Pattern FIELD_PATH = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)]\\.([A-Za-z]+))?");

    /** linkIds a QuestionnaireResponse may carry, each with the linkIds of its sub-items (lists of rows). */
    private static final Map<String, Set<String>> ITEM_LINK_IDS = itemLinkIds();

    private final JsonMapper json;
    private final Catalogue catalogue;
    private final Patients patients;
    private final ResourceFacts resourceFacts;

    ReferralForm(JsonMapper json, Catalogue catalogue, Patients patients, ResourceFacts resourceFacts) {
        this.json = json;
        this.catalogue = catalogue;
        this.patients = patients;
        this.resourceFacts = resourceFacts;
    }

    /** The referral the request describes; every problem is an {@link InvalidInputException} naming its field. */
    ReferralDetails details(ServiceRequest request) {
        return details(request, null);
    }

    /**
     * The referral the request describes with the patient's resources it contains, references or shares its
     * transaction {@code bundle} with (null for a plain create), merged as ADR 0041 decides.
     */
    ReferralDetails details(ServiceRequest request, Bundle bundle) {
        List<FieldProblem> problems = new ArrayList<>();
        ObjectNode form = json.createObjectNode();
        Optional<QuestionnaireResponse> answers = request.getContained().stream()
                .filter(QuestionnaireResponse.class::isInstance).map(QuestionnaireResponse.class::cast).findFirst();
        answers.ifPresent(qr -> qr.getItem().forEach(item -> put(form, item, ITEM_LINK_IDS.keySet(), "", problems)));
        unflatten(form, "referrer", "referrer");
        unflatten(form, "thromboticRisk", "");
        patientId(request.getSubject(), problems).ifPresent(id -> form.put("patientId", id.toString()));
        siteCode(request.getBodySite()).ifPresent(code -> form.put("siteCode", code));
        if (request.hasPriority()) {
            form.put("urgency", switch (request.getPriority()) {
                case ROUTINE -> Urgency.ROUTINE.name();
                case URGENT -> Urgency.SOON.name();
                case ASAP, STAT -> Urgency.URGENT.name();
                default -> "";
            });
        }
        request.getReasonCode().stream().flatMap(c -> c.getCoding().stream()).filter(c -> Fhir.INDICATION.equals(c.getSystem()))
                .findFirst().ifPresent(c -> form.put("indication", c.getCode()));
        if (request.hasNote()) {
            form.put("clinicalQuestion", request.getNoteFirstRep().getText());
        }
        List<String> differences = resourceFacts.merge(resourceFacts.sources(request, bundle, problems), form, problems);
        if (!form.hasNonNull("pregnancy")) {
            // Not sent is not "no", whatever the recorded sex (HAZ-88): the engine asks where radiation is planned.
            form.put("pregnancy", PregnancyPossibility.NOT_RECORDED.name());
        }
        if (!differences.isEmpty()) {
            String question = form.hasNonNull("clinicalQuestion") ? form.get("clinicalQuestion").asString() + "\n\n" : "";
            form.put("clinicalQuestion", question + ResourceFacts.DIFFERENCES + String.join("; ", differences) + ".");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        uncheckedAsFalse(form, ReferralDetails.class);
        try {
            return json.treeToValue(form, ReferralDetails.class);
        }
        catch (JacksonException e) {
            throw new InvalidInputException(List.of(problem(e)));
        }
    }

    /** The FHIR path of a form field, so that a client can find the element or item a message is about. */
    static String expression(String field) {
        if (ELEMENT_OF_FIELD.containsKey(field)) {
            return ELEMENT_OF_FIELD.get(field);
        }
        Matcher m = FIELD_PATH.matcher(field);
        if (!m.matches()) {
            return ITEMS;
        }
        String item = ITEMS + ".item.where(linkId='" + m.group(1) + "')";
        return m.group(2) == null ? item : item + "[" + m.group(2) + "].item.where(linkId='" + m.group(3) + "')";
    }

    /** The form's answers that have no element of their own, as a QuestionnaireResponse to contain. */
    QuestionnaireResponse answers(ReferralDetails details, java.util.Date authored) {
        ObjectNode tree = json.valueToTree(details);
        IN_ELEMENTS.forEach(tree::remove);
        yesNoAsBoolean(tree, ReferralDetails.class);
        for (String nested : FLATTENED) {
            JsonNode value = tree.remove(nested);
            if (value != null && value.isObject()) {
                String prefix = nested.equals("referrer") ? "referrer" : "";
                value.properties().forEach(e -> tree.set(prefix.isEmpty() ? e.getKey() : prefix + capitalised(e.getKey()), e.getValue()));
            }
        }
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setId(FORM_ID);
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.setSubject(new Reference("Patient/" + details.patientId()));
        qr.setAuthored(authored);
        tree.properties().forEach(e -> qr.getItem().addAll(items(e.getKey(), e.getValue())));
        return qr;
    }

    private List<QuestionnaireResponseItemComponent> items(String linkId, JsonNode value) {
        List<QuestionnaireResponseItemComponent> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (value.isArray()) {
            for (JsonNode row : value) {
                QuestionnaireResponseItemComponent group = new QuestionnaireResponseItemComponent().setLinkId(linkId);
                row.properties().forEach(e -> group.getItem().addAll(items(e.getKey(), e.getValue())));
                items.add(group);
            }
            return items;
        }
        Type answer = value.isBoolean() ? new BooleanType(value.booleanValue())
                : value.isIntegralNumber() ? new IntegerType(value.intValue())
                : value.isNumber() ? new DecimalType(value.decimalValue())
                : isCalendarDate(value.asString()) ? new DateType(value.asString())
                : new StringType(value.asString());
        QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent().setLinkId(linkId);
        item.addAnswer().setValue(answer);
        items.add(item);
        return items;
    }

    /**
     * Whether free text is a day that exists: the form's dates are stored as such, but a text answer may look like
     * one ("2027-02-29"), and HAPI refuses to hold an impossible date, which broke the answer to a create that had
     * already been stored.
     */
    private static boolean isCalendarDate(String text) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return false;
        }
        try {
            java.time.LocalDate.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private void put(ObjectNode form, QuestionnaireResponseItemComponent item, Set<String> allowed, String parent,
            List<FieldProblem> problems) {
        // "onInsulin" is the linkId clients used before the insulin question became yes, no or not known.
        String linkId = "onInsulin".equals(item.getLinkId()) && parent.isEmpty() ? "takesInsulin" : item.getLinkId();
        if (linkId == null || !allowed.contains(linkId)) {
            problems.add(new FieldProblem(parent + (linkId == null ? "item" : linkId), "This item is not on the referral form."));
            return;
        }
        if (parent.isEmpty() && !ITEM_LINK_IDS.get(linkId).isEmpty()) { // a row of a list: its answers are sub-items
            ArrayNode rows = form.has(linkId) ? (ArrayNode) form.get(linkId) : form.putArray(linkId);
            ObjectNode row = rows.addObject();
            String at = linkId + "[" + (rows.size() - 1) + "].";
            item.getItem().forEach(child -> put(row, child, ITEM_LINK_IDS.get(linkId), at, problems));
            return;
        }
        if (!item.hasAnswer()) {
            return;
        }
        Type value = item.getAnswerFirstRep().getValue();
        if (value instanceof BooleanType b) {
            form.put(linkId, b.booleanValue());
        }
        else if (value instanceof IntegerType i) {
            form.put(linkId, i.getValue());
        }
        else if (value instanceof DecimalType d) {
            form.put(linkId, d.getValue());
        }
        else if (value instanceof Coding c) {
            form.put(linkId, c.getCode());
        }
        else if (value != null && value.isPrimitive()) {
            form.put(linkId, value.primitiveValue());
        }
    }

    /**
     * A two-valued question left unanswered (no known allergies, radicular pain) is "no", as an unticked box on
     * the form is; a clinical yes/no question is three-valued and left unanswered is "not known" (ADR 0031).
     */
    private static void uncheckedAsFalse(ObjectNode object, Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType() == boolean.class && !object.has(component.getName())) {
                object.put(component.getName(), false);
            }
            if (component.getType().isRecord() && object.get(component.getName()) instanceof ObjectNode inner) {
                uncheckedAsFalse(inner, component.getType());
            }
        }
    }

    /** A yes/no question answered travels as valueBoolean; one not known has no answer at all, as on a paper form. */
    private static void yesNoAsBoolean(ObjectNode object, Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName();
            if (component.getType() == YesNoUnknown.class && object.has(name)) {
                YesNoUnknown answer = YesNoUnknown.from(object.get(name).asString());
                if (answer.known()) {
                    object.put(name, answer.isYes());
                } else {
                    object.remove(name);
                }
            }
            if (component.getType().isRecord() && object.get(name) instanceof ObjectNode inner) {
                yesNoAsBoolean(inner, component.getType());
            }
        }
    }

    private static void unflatten(ObjectNode form, String nested, String prefix) {
        Class<?> type = Arrays.stream(ReferralDetails.class.getRecordComponents()).filter(c -> c.getName().equals(nested))
                .findFirst().orElseThrow().getType();
        ObjectNode object = null;
        for (RecordComponent component : type.getRecordComponents()) {
            String linkId = prefix.isEmpty() ? component.getName() : prefix + capitalised(component.getName());
            JsonNode value = form.remove(linkId);
            if (value != null) {
                object = object == null ? form.putObject(nested) : object;
                object.set(component.getName(), value);
            }
        }
    }

    private Optional<UUID> patientId(Reference subject, List<FieldProblem> problems) {
        if (subject.hasReference()) {
            String[] parts = subject.getReference().split("/");
            try {
                return Optional.of(UUID.fromString(parts[parts.length - 1]));
            }
            catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("patientId", "This patient is not registered."));
                return Optional.empty();
            }
        }
        if (subject.hasIdentifier() && Fhir.NHS_NUMBER.equals(subject.getIdentifier().getSystem())) {
            try {
                NhsNumber.of(subject.getIdentifier().getValue());
            }
            catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("patientId", e.getMessage()));
                return Optional.empty();
            }
            var found = patients.search(new PatientSearch(subject.getIdentifier().getValue(), null));
            if (found.size() != 1) {
                problems.add(new FieldProblem("patientId", "This patient is not registered."));
                return Optional.empty();
            }
            return Optional.of(found.getFirst().id().value());
        }
        return Optional.empty();
    }

    private Optional<String> siteCode(List<CodeableConcept> bodySites) {
        for (CodeableConcept site : bodySites) {
            for (Coding coding : site.getCoding()) {
                if (Fhir.INJECTION_SITE.equals(coding.getSystem())) {
                    return Optional.ofNullable(coding.getCode());
                }
                if (Fhir.SNOMED.equals(coding.getSystem()) && coding.getCode() != null) {
                    Optional<String> bySnomed = catalogue.sites().stream().filter(s -> coding.getCode().equals(s.snomedCode()))
                            .map(InjectionSite::code).findFirst();
                    if (bySnomed.isPresent()) {
                        return bySnomed;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static FieldProblem problem(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String field = formField(path.toString());
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return new FieldProblem(field, "'" + format.getValue() + "' is not one of the choices: "
                    + Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "))
                    + ".");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldProblem(field, "This answer is not a " + switch (mismatch.getTargetType().getSimpleName()) {
                case "LocalDate" -> "date (yyyy-mm-dd).";
                case "Integer", "int", "BigDecimal" -> "number.";
                case "boolean", "Boolean" -> "true or false.";
                default -> "valid answer.";
            });
        }
        return new FieldProblem(field.isEmpty() ? "item" : field, "This answer cannot be read.");
    }

    /** Jackson's path into ReferralDetails, named as the form names the field ("referrer.email" is "referrerEmail"). */
    private static String formField(String path) {
        if (path.startsWith("referrer.")) {
            return "referrer" + capitalised(path.substring("referrer.".length()));
        }
        if (path.startsWith("thromboticRisk.")) {
            return path.substring("thromboticRisk.".length());
        }
        return path;
    }

    private static Map<String, Set<String>> itemLinkIds() {
        Map<String, Set<String>> linkIds = new HashMap<>();
        for (RecordComponent component : ReferralDetails.class.getRecordComponents()) {
            String name = component.getName();
            if (IN_ELEMENTS.contains(name)) {
                continue;
            }
            if (FLATTENED.contains(name)) {
                for (RecordComponent inner : component.getType().getRecordComponents()) {
                    linkIds.put(name.equals("referrer") ? "referrer" + capitalised(inner.getName()) : inner.getName(), Set.of());
                }
            }
            else if (component.getGenericType() instanceof ParameterizedType list) {
                Class<?> row = (Class<?>) list.getActualTypeArguments()[0];
                linkIds.put(name, Arrays.stream(row.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.toUnmodifiableSet()));
            }
            else {
                linkIds.put(name, Set.of());
            }
        }
        return Map.copyOf(linkIds);
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
