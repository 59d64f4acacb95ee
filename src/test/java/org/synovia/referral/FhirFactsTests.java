package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.YesNoUnknown;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one reader of FHIR resources into referral facts, shared by CDS Hooks and the FHIR referral, code by code. */
class FhirFactsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FhirFacts read(String... resources) {
        List<FhirFacts.Source> sources = new java.util.ArrayList<>();
        for (int i = 0; i < resources.length; i++) {
            JsonNode node = JSON.readTree(resources[i].replace('\'', '"'));
            sources.add(new FhirFacts.Source("resource[" + i + "]", node));
        }
        return FhirFacts.of(sources);
    }

    private static String medication(String status, String system, String code, String display) {
        return "{'resourceType':'MedicationStatement','status':'" + status + "','medicationCodeableConcept':{'coding':[{'system':'"
                + system + "','code':'" + code + "','display':'" + display + "'}]},'dosage':[{'timing':{'repeat':{'frequency':2,"
                + "'period':1,'periodUnit':'d','timeOfDay':['08:00:00','20:00:00']}},'doseAndRate':[{'doseQuantity':{'value':5,"
                + "'unit':'mg'}}]}]}";
    }

    @ParameterizedTest(name = "{0} {1} {2} ({3}) → {4}")
    @CsvSource(value = {
            "active, http://snomed.info/sct, 698090000, Apixaban, APIXABAN",
            "active, http://snomed.info/sct, 372756006, Warfarin, WARFARIN",
            "intended, https://dmd.nhs.uk, 99999999, Apixaban 5mg tablets, APIXABAN",
            "unknown, http://snomed.info/sct, 386952008, Clopidogrel, CLOPIDOGREL",
            "stopped, http://snomed.info/sct, 698090000, Apixaban, NULL",
            "entered-in-error, http://snomed.info/sct, 698090000, Apixaban, NULL",
            "active, http://snomed.info/sct, 387517004, Paracetamol, NULL"}, nullValues = "NULL")
    void readsABloodThinnerByCodeOrNameWhileItIsTaken(String status, String system, String code, String display, String drug) {
        var found = read(medication(status, system, code, display)).antithrombotics();

        if (drug == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).singleElement().satisfies(m -> {
                assertThat(m.drug()).hasToString(drug);
                assertThat(m.dose()).isEqualTo("5 mg");
                assertThat(m.frequency()).hasToString("TWICE_DAILY");
                assertThat(m.doseTimes()).isEqualTo("08:00, 20:00");
            });
        }
    }

    @ParameterizedTest(name = "{0} / {1} ({2}) → {3}")
    @CsvSource(value = {
            "active, 426722004, NULL, IODINATED_CONTRAST", "active, 111088007, NULL, LATEX",
            "active, 387480006, NULL, LOCAL_ANAESTHETIC", "active, 373568007, NULL, OTHER",
            "active, 0000, Omnipaque contrast, IODINATED_CONTRAST", "active, 0000, Shellfish, OTHER",
            "resolved, 426722004, NULL, NULL", "inactive, 111088007, NULL, NULL"}, nullValues = "NULL")
    void readsAnAllergyBySubstanceCodeOrName(String clinicalStatus, String code, String text, String category) {
        String allergy = "{'resourceType':'AllergyIntolerance','clinicalStatus':{'coding':[{'code':'" + clinicalStatus
                + "'}]},'code':{" + (text == null ? "" : "'text':'" + text + "',") + "'coding':[{'system':'http://snomed.info/sct',"
                + "'code':'" + code + "'}]}}";

        var found = read(allergy).allergies();

        if (category == null) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).singleElement().satisfies(a -> assertThat(a.category()).hasToString(category));
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(value = {
            "http://loinc.org, LA15173-0, PREGNANT", "http://loinc.org, LA26683-5, NOT_PREGNANT",
            "http://loinc.org, LA4489-6, POSSIBLE", "http://snomed.info/sct, 77386006, PREGNANT",
            "http://snomed.info/sct, 60001007, NOT_PREGNANT", "http://snomed.info/sct, 261665006, POSSIBLE"})
    void readsPregnancyStatusAnswers(String system, String code, PregnancyPossibility expected) {
        String observation = "{'resourceType':'Observation','status':'final','code':{'coding':[{'system':'http://loinc.org',"
                + "'code':'82810-3'}]},'valueCodeableConcept':{'coding':[{'system':'" + system + "','code':'" + code + "'}]}}";

        assertThat(read(observation).pregnancy()).isEqualTo(expected);
    }

    @Test
    void saysNothingOfPregnancyWhenNothingIsSentNeverNotPregnant() {
        assertThat(read().pregnancy()).isNull();
        assertThat(read().details().pregnancy()).isNull();
    }

    @ParameterizedTest(name = "LOINC {0} {1} {2} on {3}")
    @CsvSource({"6301-6, 3.4, {INR}, 2026-12-05", "34714-6, 2.1, {INR}, 2026-12-01", "38875-1, 1.1, {INR}, 2026-11-01"})
    void readsAnInrWithItsDate(String loinc, double value, String unit, LocalDate on) {
        String observation = "{'resourceType':'Observation','status':'final','code':{'coding':[{'system':'http://loinc.org',"
                + "'code':'" + loinc + "'}]},'valueQuantity':{'value':" + value + ",'code':'" + unit + "'},'effectiveDateTime':'"
                + on + "T08:30:00Z'}";

        var details = read(observation).details();

        assertThat(details.inrValue()).isEqualByComparingTo(String.valueOf(value));
        assertThat(details.inrDate()).isEqualTo(on);
    }

    @Test
    void takesTheNewestOfSeveralResultsAndConvertsCreatinineInMgPerDl() {
        var details = read(
                "{'resourceType':'Observation','code':{'coding':[{'system':'http://loinc.org','code':'6301-6'}]},"
                        + "'valueQuantity':{'value':2.0},'effectiveDateTime':'2026-11-01'}",
                "{'resourceType':'Observation','code':{'coding':[{'system':'http://loinc.org','code':'6301-6'}]},"
                        + "'valueQuantity':{'value':3.4},'effectiveDateTime':'2026-12-01'}",
                "{'resourceType':'Observation','code':{'coding':[{'system':'http://loinc.org','code':'2160-0'}]},"
                        + "'valueQuantity':{'value':1.2,'unit':'mg/dL'},'effectiveDateTime':'2026-12-01'}",
                "{'resourceType':'Observation','code':{'coding':[{'system':'http://loinc.org','code':'8665-2'}]},"
                        + "'valueDateTime':'2026-11-20'}").details();

        assertThat(details.inrValue()).isEqualByComparingTo("3.4");
        assertThat(details.creatinineUmolPerL()).isEqualTo(106);
        assertThat(details.renalTestDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(details.lastMenstrualPeriod()).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @CsvSource({
            "19943007, Condition, YES", "46177005, Condition, YES", "19943007, Observation-373067005, NO",
            "46177005, Observation-261665006, NOT_KNOWN", "19943007, Observation-true, YES"})
    void answersAYesNoQuestionFromItsSnomedFinding(String finding, String as, YesNoUnknown expected) {
        ClinicalCodes.Question question = ClinicalCodes.questionBySnomed(finding).orElseThrow();
        String resource = as.equals("Condition")
                ? "{'resourceType':'Condition','code':{'coding':[{'system':'http://snomed.info/sct','code':'" + finding + "'}]}}"
                : "{'resourceType':'Observation','code':{'coding':[{'system':'http://snomed.info/sct','code':'" + finding + "'}]},"
                        + (as.endsWith("true") ? "'valueBoolean':true"
                                : "'valueCodeableConcept':{'coding':[{'system':'http://snomed.info/sct','code':'"
                                        + as.substring("Observation-".length()) + "'}]}") + "}";

        assertThat(read(resource).answer(question)).isEqualTo(expected);
        assertThat(read().answer(question)).isEqualTo(YesNoUnknown.NOT_KNOWN);
    }

    @Test
    void refusesABadDateNamingWhereTheResourceCameFrom() {
        assertThatThrownBy(() -> read("{'resourceType':'Observation','code':{'coding':[{'system':'http://loinc.org','code':'6301-6'}]},"
                + "'valueQuantity':{'value':2.0},'effectiveDateTime':'yesterday'}").details())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("resource[0]");
    }
}
