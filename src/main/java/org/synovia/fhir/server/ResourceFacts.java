package org.synovia.fhir.server;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.stereotype.Component;
import org.synovia.referral.ClinicalCodes;
import org.synovia.referral.DiabetesType;
import org.synovia.referral.FhirFacts;
import org.synovia.referral.PregnancyPossibility;
import org.synovia.referral.ReferralDetails;
import org.synovia.shared.InvalidInputException.FieldProblem;
import org.synovia.shared.YesNoUnknown;

import ca.uhn.fhir.context.FhirContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The patient's clinical resources sent with a referral — contained in the ServiceRequest, referenced from it, or in
 * the same transaction Bundle (ADR 0041) — read through the shared reader ({@link FhirFacts}) and merged into the
 * form's answers. Where the form (QuestionnaireResponse) and a resource disagree, the referral keeps the more
 * cautious fact and the clinical question shows both, so the vetting radiologist sees the disagreement.
 */
@Component
class ResourceFacts {

    /** Resource types whose facts a referral reads; a reference to any other type is not followed. */
    static final Set<String> READ = Set.of("MedicationStatement", "MedicationRequest", "AllergyIntolerance", "Observation",
            "Condition");

    /** Opens the note that shows where the sending system's record and the form disagree. */
    static final String DIFFERENCES = "The sending system's record differs from the form; the more cautious is kept: ";

    private final FhirContext fhir;
    private final JsonMapper json;

    ResourceFacts(FhirContext fhir, JsonMapper json) {
        this.fhir = fhir;
        this.json = json;
    }

    /**
     * The resources a ServiceRequest carries: every contained one but the form, and every reference from
     * {@code supportingInfo} and {@code reasonReference} to one of {@link #READ}, found in the Bundle by its
     * fullUrl or type/id. A reference that cannot be found is a problem, never silently dropped (HAZ-87).
     */
    FhirFacts sources(ServiceRequest request, Bundle bundle, List<FieldProblem> problems) {
        List<FhirFacts.Source> sources = new ArrayList<>();
        Map<String, Resource> inBundle = new HashMap<>();
        if (bundle != null) {
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                if (resource == null || resource == request) {
                    continue;
                }
                if (entry.hasFullUrl()) {
                    inBundle.put(entry.getFullUrl(), resource);
                }
                if (resource.getIdElement().hasIdPart()) {
                    inBundle.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
                }
            }
        }
        Set<Resource> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        int index = 0;
        for (Resource contained : request.getContained()) {
            String path = "ServiceRequest.contained[" + index++ + "]";
            if (!(contained instanceof QuestionnaireResponse) && READ.contains(contained.fhirType()) && taken.add(contained)) {
                sources.add(new FhirFacts.Source(path + " (" + contained.fhirType() + ")", tree(contained)));
            }
        }
        List<Reference> references = new ArrayList<>(request.getSupportingInfo());
        references.addAll(request.getReasonReference());
        for (Reference reference : references) {
            String target = reference.getReference();
            if (target == null || target.startsWith("#")) {
                continue; // contained: read above
            }
            String type = target.startsWith("urn:") ? null : target.split("/")[Math.max(0, target.split("/").length - 2)];
            Resource found = inBundle.get(target);
            if (found == null) {
                if (type == null || READ.contains(type)) {
                    problems.add(new FieldProblem("supportingInfo", "The reference " + target + " cannot be read: send the "
                            + "resource contained in the ServiceRequest or in the same transaction Bundle."));
                }
                continue;
            }
            if (READ.contains(found.fhirType()) && taken.add(found)) {
                sources.add(new FhirFacts.Source(target + " (" + found.fhirType() + ")", tree(found)));
            }
        }
        if (bundle != null) {
            for (Resource resource : inBundle.values()) {
                if (READ.contains(resource.fhirType()) && taken.add(resource)) {
                    sources.add(new FhirFacts.Source("Bundle " + resource.fhirType() + " " + resource.getIdElement().getIdPart(),
                            tree(resource)));
                }
            }
        }
        sources.forEach(source -> checkHasValue(source, problems));
        return FhirFacts.of(sources);
    }

    /** A result coded as one the referral reads but carrying no value (and no reason why) is refused, not skipped. */
    private static void checkHasValue(FhirFacts.Source source, List<FieldProblem> problems) {
        JsonNode observation = source.resource();
        if (!"Observation".equals(observation.path("resourceType").asString("")) || observation.has("valueQuantity")
                || observation.has("valueDateTime") || observation.has("valueCodeableConcept") || observation.has("valueBoolean")
                || observation.has("dataAbsentReason")) {
            return;
        }
        for (JsonNode coding : observation.path("code").path("coding")) {
            Optional<ClinicalCodes.Measured> fact = ClinicalCodes.LOINC.equals(coding.path("system").asString(""))
                    ? ClinicalCodes.byLoinc(coding.path("code").asString("")) : Optional.empty();
            if (fact.isPresent()) {
                problems.add(new FieldProblem(fact.get().field(), source.path() + " (LOINC " + coding.path("code").asString("")
                        + ") has no value: send valueQuantity, or dataAbsentReason when there is none."));
                return;
            }
        }
    }

    /**
     * Merges the resources' facts into the form's answers (JSON named as ReferralDetails) and returns the
     * disagreements in words. Lists are joined; a yes/no question keeps "yes" over "no"; pregnancy keeps the
     * likelier; a result keeps the newer, or on the same day the more cautious (higher INR or creatinine, lower
     * eGFR); the last period keeps the earlier. Everything else the form answers wins, and fills where it is silent.
     */
    List<String> merge(FhirFacts facts, ObjectNode form, List<FieldProblem> problems) {
        List<String> differences = new ArrayList<>();
        if (facts.isEmpty()) {
            return differences;
        }
        ReferralDetails sent = facts.details();
        antithrombotics(sent, form, differences);
        allergies(sent, form, differences);
        if (sent.diabetes() != null) {
            String given = text(form, "diabetes");
            if (given == null) {
                form.put("diabetes", sent.diabetes().name());
            } else if (DiabetesType.NONE.name().equals(given)) {
                form.put("diabetes", sent.diabetes().name());
                differences.add("diabetes " + sent.diabetes().label() + " (form: none)");
            }
        }
        yesNo(form, "takesInsulin", sent.takesInsulin(), "insulin", differences);
        for (ClinicalCodes.Question question : ClinicalCodes.Question.values()) {
            if (!question.snomed().isEmpty()) {
                yesNo(form, question.field(), facts.answer(question), question.field(), differences);
            }
        }
        pregnancy(sent.pregnancy(), form, differences);
        if (sent.lastMenstrualPeriod() != null) {
            LocalDate given = date(form, "lastMenstrualPeriod");
            if (given == null || sent.lastMenstrualPeriod().isBefore(given)) {
                form.put("lastMenstrualPeriod", sent.lastMenstrualPeriod().toString());
            }
            if (given != null && !given.equals(sent.lastMenstrualPeriod())) {
                differences.add("last period " + sent.lastMenstrualPeriod() + " (form: " + given + ")");
            }
        }
        result(form, "inrValue", "inrDate", sent.inrValue(), sent.inrDate(), true, "INR", differences);
        if (sent.creatinineUmolPerL() != null) {
            result(form, "creatinineUmolPerL", "renalTestDate", BigDecimal.valueOf(sent.creatinineUmolPerL()),
                    sent.renalTestDate(), true, "creatinine", differences);
        } else if (sent.egfr() != null) {
            result(form, "egfr", "renalTestDate", BigDecimal.valueOf(sent.egfr()), sent.renalTestDate(), false, "eGFR",
                    differences);
        }
        fill(form, "weightKg", sent.weightKg());
        fill(form, "heightCm", sent.heightCm());
        fill(form, "hba1cMmolPerMol", sent.hba1cMmolPerMol() == null ? null : BigDecimal.valueOf(sent.hba1cMmolPerMol()));
        return differences;
    }

    /** Blood thinners by drug: one the form does not list is added; the form's own row keeps its dose and times. */
    private static void antithrombotics(ReferralDetails sent, ObjectNode form, List<String> differences) {
        ArrayNode rows = form.has("antithrombotics") && form.get("antithrombotics").isArray()
                ? (ArrayNode) form.get("antithrombotics") : form.putArray("antithrombotics");
        boolean formListed = !rows.isEmpty();
        for (ReferralDetails.AntithromboticMedicine medicine : sent.antithrombotics()) {
            Optional<JsonNode> same = rows.valueStream().filter(r -> medicine.drug().name().equals(r.path("drug").asString(""))).findFirst();
            if (same.isPresent()) {
                String times = same.get().path("doseTimes").asString(null);
                if (medicine.doseTimes() != null && times != null && !medicine.doseTimes().equals(times.replace(" ", "").replace(",", ", "))) {
                    differences.add(medicine.drug().label() + " taken at " + medicine.doseTimes() + " (form: " + times + ")");
                }
                continue;
            }
            ObjectNode row = rows.addObject();
            row.put("drug", medicine.drug().name());
            row.put("dose", medicine.dose() == null ? "not stated by the sending system" : medicine.dose());
            row.put("frequency", medicine.frequency().name());
            if (medicine.doseTimes() != null) {
                row.put("doseTimes", medicine.doseTimes());
            }
            if (formListed) {
                differences.add(medicine.drug().label() + " (not on the form)");
            }
        }
    }

    /** Allergies by class and agent: one the form does not list is added, and "no known allergies" then no longer holds. */
    private static void allergies(ReferralDetails sent, ObjectNode form, List<String> differences) {
        if (sent.allergies().isEmpty()) {
            return;
        }
        ArrayNode rows = form.has("allergies") && form.get("allergies").isArray() ? (ArrayNode) form.get("allergies")
                : form.putArray("allergies");
        boolean formSaidNone = form.path("noKnownAllergies").asBoolean(false);
        boolean formListed = !rows.isEmpty();
        for (ReferralDetails.Allergy allergy : sent.allergies()) {
            boolean listed = rows.valueStream().anyMatch(r -> allergy.category().name().equals(r.path("category").asString(""))
                    && (allergy.category() != org.synovia.referral.AllergyCategory.OTHER
                            || allergy.agent().equalsIgnoreCase(r.path("agent").asString(""))));
            if (listed) {
                continue;
            }
            ObjectNode row = rows.addObject();
            row.put("category", allergy.category().name());
            row.put("agent", allergy.agent());
            row.put("reaction", allergy.reaction());
            if (formSaidNone || formListed) {
                differences.add("allergy to " + allergy.agent() + (formSaidNone ? " (form: no known allergies)" : " (not on the form)"));
            }
        }
        form.put("noKnownAllergies", false);
    }

    /** "Yes" from either wins over "no"; the form's answer otherwise stands, and fills where the form is silent. */
    private static void yesNo(ObjectNode form, String field, YesNoUnknown sent, String name, List<String> differences) {
        if (!sent.known()) {
            return;
        }
        YesNoUnknown given = form.has(field) ? YesNoUnknown.from(form.get(field).isBoolean() ? form.get(field).booleanValue()
                : form.get(field).asString()) : YesNoUnknown.NOT_KNOWN;
        if (!given.known() || (sent.isYes() && given.isNo())) {
            form.put(field, sent.name());
        }
        if (given.known() && given != sent) {
            differences.add(name + " " + sent.label().toLowerCase(Locale.ROOT) + " (form: " + given.label().toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** Pregnant, then possibly, then not pregnant, then cannot be: the likelier answer is kept. */
    private static void pregnancy(PregnancyPossibility sent, ObjectNode form, List<String> differences) {
        if (sent == null) {
            return;
        }
        List<PregnancyPossibility> order = List.of(PregnancyPossibility.NOT_APPLICABLE, PregnancyPossibility.NOT_PREGNANT,
                PregnancyPossibility.NOT_RECORDED, PregnancyPossibility.POSSIBLE, PregnancyPossibility.PREGNANT);
        String text = text(form, "pregnancy");
        PregnancyPossibility given = null;
        try {
            given = text == null ? null : PregnancyPossibility.valueOf(text);
        } catch (IllegalArgumentException e) {
            return; // the form's own validation names the bad answer
        }
        if (given == null || order.indexOf(sent) > order.indexOf(given)) {
            form.put("pregnancy", sent.name());
        }
        if (given != null && given != sent) {
            differences.add("pregnancy status " + sent.label().toLowerCase(Locale.ROOT) + " (form: " + given.label().toLowerCase(Locale.ROOT) + ")");
        }
    }

    /** A dated result: the newer wins; on the same day (or undated) the more cautious, higher or lower as told. */
    private static void result(ObjectNode form, String valueField, String dateField, BigDecimal sent, LocalDate sentOn,
            boolean higherIsCautious, String name, List<String> differences) {
        if (sent == null) {
            return;
        }
        BigDecimal given = form.has(valueField) && form.get(valueField).isNumber() ? form.get(valueField).decimalValue() : null;
        LocalDate givenOn = date(form, dateField);
        if (given == null) {
            form.put(valueField, sent);
            if (sentOn != null) {
                form.put(dateField, sentOn.toString());
            }
            return;
        }
        if (given.compareTo(sent) == 0 && java.util.Objects.equals(givenOn, sentOn)) {
            return;
        }
        boolean newer = sentOn != null && (givenOn == null || sentOn.isAfter(givenOn));
        boolean sameDay = sentOn == null || sentOn.equals(givenOn);
        boolean cautious = higherIsCautious ? sent.compareTo(given) > 0 : sent.compareTo(given) < 0;
        if (newer || (sameDay && cautious)) {
            form.put(valueField, sent);
            if (sentOn != null) {
                form.put(dateField, sentOn.toString());
            }
        }
        differences.add(name + " " + sent.stripTrailingZeros().toPlainString() + (sentOn == null ? "" : " on " + sentOn)
                + " (form: " + given.stripTrailingZeros().toPlainString() + (givenOn == null ? "" : " on " + givenOn) + ")");
    }

    private static void fill(ObjectNode form, String field, BigDecimal value) {
        if (value != null && !form.has(field)) {
            form.put(field, value);
        }
    }

    private static String text(ObjectNode form, String field) {
        return form.has(field) && !form.get(field).isNull() ? form.get(field).asString() : null;
    }

    private static LocalDate date(ObjectNode form, String field) {
        String value = text(form, field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null; // the form's own validation names the bad date
        }
    }

    private JsonNode tree(Resource resource) {
        return json.readTree(fhir.newJsonParser().encodeResourceToString(resource));
    }
}
