package org.synovia.safety.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.synovia.SynoviaIntegrationTest;

@SynoviaIntegrationTest
class SafetyApiIntegrationTests {

    /** Scenario A3: rivaroxaban 15 mg od at 18:00, CrCl 25, fluoroscopic C4/5 facet on Thu 10 Dec 2026 09:00. */
    static final String SCENARIO_A3 = """
            {
              "patient": {"ageYears": 64, "sex": "MALE", "weightKg": 80, "creatinineClearanceMlPerMin": 25},
              "medicines": [{"drug": "RIVAROXABAN", "name": "Rivaroxaban", "doseMg": 15,
                             "frequency": "ONCE_DAILY", "doseTimes": ["18:00"]}],
              "procedure": {"siteCode": "FACET_CERVICAL", "spinalLevel": "C4/5", "side": "RIGHT",
                            "guidance": "FLUOROSCOPY",
                            "drugs": [{"agent": "METHYLPREDNISOLONE_ACETATE", "doseMg": 40}],
                            "start": "2026-12-10T09:00:00"}
            }
            """;

    /** The first administrator of the test profile; the API needs any signed-in staff account. */
    static final String USER = "admin";
    static final String PASSWORD = "test-admin-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    WebApplicationContext context;

    @Test
    void assessesScenarioA3WithSiteFactsFromTheCatalogue() throws Exception {
        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(SCENARIO_A3))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bleedingRisk.asra").value("INTERMEDIATE"))
                .andExpect(jsonPath("$.bleedingRisk.sir").value("HIGH"))
                .andExpect(jsonPath("$.bleedingRisk.chosen").value("HIGH"))
                .andExpect(jsonPath("$.mayProceed").value(true))
                .andExpect(jsonPath("$.medicationPlans[0].action").value("HOLD"))
                .andExpect(jsonPath("$.medicationPlans[0].lastDose").value(startsWith("2026-12-06T18:00")))
                .andExpect(jsonPath("$.medicationPlans[0].restart").value(startsWith("2026-12-11T18:00")))
                .andExpect(jsonPath("$.medicationPlans[0].minimumOmittedDoses").value(3))
                .andExpect(jsonPath("$.medicationPlans[0].patientInstruction").value(
                        "Take your last rivaroxaban on Sunday 6 December at 18:00. Restart on Friday 11 December at 18:00."))
                .andExpect(jsonPath("$.findings[*].ruleId").value(hasItem("SAF-013")))
                .andExpect(jsonPath("$.findings[0].sources[0].factRows").isArray());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"patient\": {\"weightKg\": 900}, \"procedure\": {\"siteCode\": \"KNEE_JOINT\", \"guidance\": \"ULTRASOUND\"}} | patient.weightKg | between 2 and 400",
            "{\"patient\": {}, \"procedure\": {\"siteCode\": \"KNEE_JOINT\", \"guidance\": \"XRAY\"}} | procedure.guidance | must be one of",
            "{\"patient\": {}} | procedure | is required",
            "{\"patient\": {\"wieghtKg\": 80}, \"procedure\": {\"siteCode\": \"KNEE_JOINT\", \"guidance\": \"CT\"}} | patient.wieghtKg | not a known field",
            "{\"patient\": {}, \"procedure\": {\"siteCode\": \"NOSE\", \"guidance\": \"CT\"}} | procedure.siteCode | not a site in the catalogue",
            "{\"patient\": {\"ageYears\": \"old\"}, \"procedure\": {\"siteCode\": \"KNEE_JOINT\", \"guidance\": \"CT\"}} | patient.ageYears | must be a number",
            "{\"patient\": {}, \"medicines\": [{\"drug\": \"APIXABAN\"}], \"procedure\": {\"siteCode\": \"KNEE_JOINT\", \"guidance\": \"CT\"}} | medicines[0].frequency | is required",
            "{\"patient\": {, | body | not valid JSON",
            "[] | body | must be a JSON object",
    })
    void answersBadRequestsWithEveryBadField(String body, String field, String message) throws Exception {
        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.title").value("Invalid assessment request"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"patient\": {\"infectionAtSite\": \"maybe\"}, \"procedure\": {\"siteCode\": \"KNEE_JOINT\", \"guidance\": \"ULTRASOUND\"}} | patient.infectionAtSite | yes, no or not known",
            "{\"patient\": {\"bleedingRiskFactors\": {\"olderAge\": 3}}, \"procedure\": {\"siteCode\": \"KNEE_JOINT\", \"guidance\": \"ULTRASOUND\"}} | patient.bleedingRiskFactors.olderAge | yes, no or not known",
            "{\"patient\": {\"latestInr\": {\"value\": 2.1}}, \"procedure\": {\"siteCode\": \"KNEE_JOINT\", \"guidance\": \"ULTRASOUND\"}} | patient.latestInr.date | required",
            "{\"patient\": {\"plannedJointReplacement\": {\"siteCode\": \"KNEE_JOINT\"}}, \"procedure\": {\"siteCode\": \"KNEE_JOINT\", \"guidance\": \"ULTRASOUND\"}} | patient.plannedJointReplacement.date | required",
            "{\"patient\": {\"observations\": {\"measuredAt\": \"2026-12-10T09:00:00\", \"temperatureCelsius\": 50}}, \"procedure\": {\"siteCode\": \"KNEE_JOINT\", \"guidance\": \"ULTRASOUND\"}} | patient.observations.temperatureCelsius | between"})
    void answersBadSafetyFactsWithAClearProblem(String body, String field, String message) throws Exception {
        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
    }

    /** A lumbar facet injection, with the yes/no facts given as the API accepts them. */
    private static String lumbarFacet(String patientFacts) {
        return "{\"patient\": {\"ageYears\": 60, \"sex\": \"MALE\"" + patientFacts + "}, \"procedure\": {\"siteCode\": "
                + "\"FACET_LUMBAR\", \"spinalLevel\": \"L4/5\", \"side\": \"RIGHT\", \"guidance\": \"FLUOROSCOPY\", "
                + "\"start\": \"2026-12-10T09:00:00\"}}";
    }

    @Test
    void acceptsYesNoNotKnownAndTrueFalseAndTreatsAnOmittedFactAsNotKnown() throws Exception {
        for (String olderAge : new String[] {"\"YES\"", "true"}) {
            mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                            .content(lumbarFacet(", \"bleedingRiskFactors\": {\"olderAge\": " + olderAge + "}")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.bleedingRisk.asra").value("INTERMEDIATE"));
        }
        for (String olderAge : new String[] {"\"NO\"", "false", "\"NOT_KNOWN\"", "null"}) {
            mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                            .content(lumbarFacet(", \"bleedingRiskFactors\": {\"olderAge\": " + olderAge + "}")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.bleedingRisk.asra").value("LOW"));
        }
        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(lumbarFacet(", \"infectionAtSite\": \"NO\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[*].ruleId").value(org.hamcrest.Matchers.not(hasItem("SAF-020"))));
        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(lumbarFacet("")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[*].ruleId").value(hasItem("SAF-020")));
    }

    @ParameterizedTest(name = "diabetes {0} → asks {1}")
    @CsvSource({"'', true", "', \"diabetes\": \"NOT_RECORDED\"', true", "', \"diabetes\": \"NONE\"', false"})
    void treatsAnOmittedDiabetesAsNotRecordedBeforeASteroid(String diabetes, boolean asks) throws Exception {
        String body = "{\"patient\": {\"ageYears\": 60, \"sex\": \"MALE\"" + diabetes + "}, \"procedure\": {\"siteCode\": "
                + "\"KNEE_JOINT\", \"side\": \"LEFT\", \"guidance\": \"ULTRASOUND\", \"start\": \"2026-12-10T09:00:00\", "
                + "\"drugs\": [{\"agent\": \"METHYLPREDNISOLONE_ACETATE\", \"doseMg\": 40}]}}";
        var asked = jsonPath("$.findings[*].message").value(hasItem(startsWith("Diabetes not recorded")));
        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(asks ? asked : jsonPath("$.findings[*].message").value(org.hamcrest.Matchers.not(
                        hasItem(startsWith("Diabetes not recorded")))));
    }

    @ParameterizedTest(name = "pregnancy {0} → asks {1}")
    @CsvSource({"'', true", "', \"pregnancy\": \"NOT_PREGNANT\"', false"})
    void treatsAnOmittedPregnancyAnswerAsNotRecordedBeforeXRay(String pregnancy, boolean asks) throws Exception {
        String body = "{\"patient\": {\"ageYears\": 30, \"sex\": \"FEMALE\"" + pregnancy + "}, \"procedure\": {\"siteCode\": "
                + "\"FACET_LUMBAR\", \"spinalLevel\": \"L4/5\", \"side\": \"RIGHT\", \"guidance\": \"FLUOROSCOPY\", "
                + "\"start\": \"2026-12-10T09:00:00\"}}";
        var notRecorded = hasItem(startsWith("Pregnancy status not recorded"));
        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[*].message").value(asks ? notRecorded : org.hamcrest.Matchers.not(notRecorded)));
    }

    @Test
    void acceptsAnInrWithItsDateAPlannedReplacementWithItsSurgeonAndTheDaysObservations() throws Exception {
        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(lumbarFacet(", \"latestInr\": {\"value\": 1.1, \"date\": \"2026-12-09\"}, "
                                + "\"plannedJointReplacement\": {\"date\": \"2027-01-10\", \"siteCode\": \"FACET_LUMBAR\", "
                                + "\"side\": \"RIGHT\", \"surgeonName\": \"Ms Surgeon\", \"surgeonEmail\": \"surgeon@example.nhs.uk\"}, "
                                + "\"observations\": {\"measuredAt\": \"2026-12-10T08:30:00\", \"temperatureCelsius\": 36.8, "
                                + "\"capillaryGlucoseMmolPerL\": 6.2, \"targetHot\": \"NO\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[*].message").value(hasItem(containsString("RI-10"))));
    }

    @Test
    void addsEveryTargetOfTheSessionAndTheDaysEarlierLocalAnaesthetic() throws Exception {
        String lidocaine = "{\"agent\": \"LIDOCAINE\", \"concentrationPercent\": 1, \"volumeMl\": 5}";
        String bupivacaine = "{\"agent\": \"BUPIVACAINE\", \"concentrationPercent\": 0.5, \"volumeMl\": 20}";
        String body = "{\"patient\": {\"ageYears\": 60, \"sex\": \"MALE\", \"weightKg\": 80, \"heightCm\": 178}, "
                + "\"procedure\": {\"siteCode\": \"FACET_LUMBAR\", \"spinalLevel\": \"L3/4\", \"side\": \"LEFT\", "
                + "\"guidance\": \"FLUOROSCOPY\", \"start\": \"2026-12-10T09:00:00\", \"drugs\": [" + lidocaine + "], "
                + "\"additionalTargets\": [{\"siteCode\": \"FACET_LUMBAR\", \"spinalLevel\": \"L4/5\", \"side\": \"LEFT\", "
                + "\"drugs\": [" + lidocaine + "]}, {\"siteCode\": \"FACET_LUMBAR\", \"spinalLevel\": \"L5/S1\", "
                + "\"side\": \"LEFT\", \"drugs\": [" + bupivacaine + "]}]}, "
                + "\"localAnaestheticLast24h\": [{\"drug\": {\"agent\": \"BUPIVACAINE\", \"doseMg\": 350}, "
                + "\"givenAt\": \"2026-12-10T07:00:00\"}]}";

        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.findings[*].message").value(hasItem(containsString("across 3 targets"))))
                .andExpect(jsonPath("$.findings[*].message").value(hasItem(containsString(
                        "350 mg given earlier + 100 mg planned = 450 mg of a 400 mg ceiling"))))
                .andExpect(jsonPath("$.mayProceed").value(false));
    }

    @Test
    void namesTheAdditionalTargetWhoseSiteIsNotInTheCatalogue() throws Exception {
        String body = lumbarFacet("").replace("\"start\"", "\"additionalTargets\": [{\"siteCode\": \"NOSE\"}], \"start\"");

        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic(USER, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("procedure.additionalTargets[0].siteCode")));
    }

    @Test
    void servesTheOpenApiDescriptionToAnyone() throws Exception {
        mvc.perform(get("/api/v1/openapi.yaml"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/safety/assessments")));
    }

    @Test
    void listsTheRuleCatalogueAsJson() throws Exception {
        mvc.perform(get("/api/v1/safety/rules").with(httpBasic(USER, PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem("SAF-070")));
    }

    @Test
    @WithMockUser(username = "clinician", roles = "NURSE")
    void showsTheRuleCatalogueToAnySignedInUser() throws Exception {
        MockMvc secured = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        secured.perform(get("/safety/rules")).andExpect(status().isOk())
                .andExpect(content().string(containsString("SAF-013")))
                .andExpect(content().string(containsString("doac-hold = BOTH")));
    }

    @Test
    void refusesAnAssessmentWithoutValidCredentials() throws Exception {
        mvc.perform(post("/api/v1/safety/assessments").with(httpBasic("nobody", "wrong"))
                        .contentType(MediaType.APPLICATION_JSON).content(SCENARIO_A3))
                .andExpect(status().isUnauthorized());
    }
}
