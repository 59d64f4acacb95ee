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
