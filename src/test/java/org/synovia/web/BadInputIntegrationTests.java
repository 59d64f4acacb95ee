package org.synovia.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.patient.Registration;
import org.synovia.referral.ReferralForms;

/**
 * A tester's table of bad input against the referral form, the safety API and a CDS Hooks service: each is
 * answered with a 4xx (or a 2xx where the input is valid after all), and no answer shows an exception, a class
 * name, SQL or a stack trace.
 */
@SynoviaIntegrationTest
class BadInputIntegrationTests {

    private static final String LONG = "x".repeat(10_000);
    private static final String DEEP = "[".repeat(2_000) + "]".repeat(2_000);

    private static final String VALID_ASSESSMENT = """
            {"patient": {"ageYears": 64, "sex": "MALE", "weightKg": 80, "heightCm": 178,
                         "creatinineClearanceMlPerMin": 25},
             "medicines": [{"drug": "RIVAROXABAN", "name": "Rivaroxaban", "doseMg": 15,
                            "frequency": "ONCE_DAILY", "doseTimes": ["18:00"]}],
             "procedure": {"siteCode": "FACET_CERVICAL", "spinalLevel": "C4/5", "side": "RIGHT",
                           "guidance": "FLUOROSCOPY"}}
            """;

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;

    UserAccount referrer;
    UUID patientId;

    @BeforeEach
    void setUp() {
        referrer = AccountFixtures.create(accounts, Role.REFERRER);
        AccountFixtures.signIn(referrer);
        patientId = ((Registration.Registered) patients.register(PatientFixtures.adult(), false)).patient().id().value();
        AccountFixtures.signOut();
    }

    @AfterEach
    void signOut() {
        AccountFixtures.signOut();
    }

    static Stream<Arguments> formInputs() {
        return Stream.of(
                Arguments.of("empty submission key", "submissionKey", ""),
                Arguments.of("garbage submission key", "submissionKey", "not-a-key"),
                Arguments.of("list index 5000", "treatments[5000].kind", "PHYSIOTHERAPY"),
                Arguments.of("list index -1", "treatments[-1].kind", "PHYSIOTHERAPY"),
                Arguments.of("allergy index 5000", "allergies[5000].agent", "latex"),
                Arguments.of("NUL in a text field", "clinicalQuestion", "Is the hip\u0000 the source?"),
                Arguments.of("BEL in a text field", "referrerName", "Dr\u0007 Test"),
                Arguments.of("10,000 characters", "clinicalQuestion", LONG),
                Arguments.of("garbage number", "weightKg", "seventy"),
                Arguments.of("garbage patient id", "patientId", "nobody"),
                Arguments.of("huge number", "weightKg", "1e400"),
                Arguments.of("NUL in a list row's text", "treatments[0].detail", "eight\u0000 weeks"),
                Arguments.of("unknown patient", "patientId", UUID.randomUUID().toString()));
    }

    @ParameterizedTest(name = "referral form: {0}")
    @MethodSource("formInputs")
    void refusesBadFormInputPlainly(String description, String field, String value) throws Exception {
        MockHttpServletRequestBuilder request = ReferralForms.posted("/referrals", referrer, ReferralForms.rightHip(patientId),
                field, value);

        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        // The form answers a problem it can show beside its field with the form again (200); anything else is a 4xx.
        assertThat(response.getStatus()).as(description).isIn(200, 400, 404, 413, 422);
        assertPlain(description, response);
        if (response.getStatus() == 200) {
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(description).contains("error");
        }
        if (description.contains("BEL") || description.contains("NUL")) {
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(description)
                    .contains("Remove the control characters");
        }
    }

    static Stream<Arguments> jsonInputs() {
        return Stream.of(
                Arguments.of("valid example from the OpenAPI", VALID_ASSESSMENT, 200),
                Arguments.of("procedure.start null (allowed)", VALID_ASSESSMENT.replace("\"guidance\": \"FLUOROSCOPY\"",
                        "\"guidance\": \"FLUOROSCOPY\", \"start\": null"), 200),
                Arguments.of("YesNoUnknown as true (allowed)", VALID_ASSESSMENT.replace("\"heightCm\": 178",
                        "\"heightCm\": 178, \"infectionAtSite\": true"), 200),
                Arguments.of("medicine without a drug, by name (allowed)", VALID_ASSESSMENT.replace(
                        "\"drug\": \"RIVAROXABAN\", \"name\": \"Rivaroxaban\"", "\"drug\": null, \"name\": \"Fish oil\""), 200),
                Arguments.of("string where number expected", VALID_ASSESSMENT.replace("\"weightKg\": 80", "\"weightKg\": \"heavy\""), 400),
                Arguments.of("array where object expected", VALID_ASSESSMENT.replace("\"patient\": {", "\"patient\": [{")
                        .replace("\"creatinineClearanceMlPerMin\": 25}", "\"creatinineClearanceMlPerMin\": 25}]"), 400),
                Arguments.of("truncated JSON", VALID_ASSESSMENT.substring(0, 60), 400),
                Arguments.of("body null", "null", 400),
                Arguments.of("empty body", "", 400),
                Arguments.of("nested depth 2,000", DEEP, 400),
                Arguments.of("nested depth 2,000 in a field", VALID_ASSESSMENT.replace("\"sex\": \"MALE\"", "\"sex\": " + DEEP), 400),
                Arguments.of("huge number", VALID_ASSESSMENT.replace("\"weightKg\": 80", "\"weightKg\": 1e400"), 400),
                Arguments.of("huge integer", VALID_ASSESSMENT.replace("\"ageYears\": 64", "\"ageYears\": 1" + "0".repeat(400)), 400),
                Arguments.of("control character in text", VALID_ASSESSMENT.replace("Rivaroxaban", "Riva\\u0000roxaban"), 400),
                Arguments.of("10,000-character text", VALID_ASSESSMENT.replace("C4/5", LONG), 400),
                Arguments.of("huge number where an integer is expected", VALID_ASSESSMENT.replace("\"ageYears\": 64", "\"ageYears\": 1e400"), 400),
                Arguments.of("array for a yes/no fact", VALID_ASSESSMENT.replace("\"heightCm\": 178",
                        "\"heightCm\": 178, \"infectionAtSite\": [true]"), 400),
                Arguments.of("object where text expected", VALID_ASSESSMENT.replace("\"C4/5\"", "{}"), 400),
                Arguments.of("number where array expected", VALID_ASSESSMENT.replace("\"doseTimes\": [\"18:00\"]", "\"doseTimes\": 18"), 400));
    }

    @ParameterizedTest(name = "safety API: {0}")
    @MethodSource("jsonInputs")
    void answersTheSafetyApiPlainly(String description, String body, int expected) throws Exception {
        UserAccount radiologist = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        MockHttpServletResponse response = mvc.perform(post("/api/v1/safety/assessments")
                        .with(httpBasic(radiologist.username(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();

        assertThat(response.getStatus()).as(description + ": " + response.getContentAsString()).isEqualTo(expected);
        assertPlain(description, response);
    }

    static Stream<Arguments> hookInputs() {
        String valid = """
                {"hook": "order-sign", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                 "context": {"userId": "Practitioner/1", "patientId": "1", "draftOrders":
                   {"resourceType": "Bundle", "entry": []}}}
                """;
        return Stream.of(
                Arguments.of("valid call without orders", valid, 200),
                Arguments.of("truncated JSON", valid.substring(0, 40), 400),
                Arguments.of("body null", "null", 400),
                Arguments.of("array body", "[" + valid + "]", 400),
                Arguments.of("nested depth 2,000", DEEP, 400),
                Arguments.of("nested depth 2,000 in context", valid.replace("\"patientId\": \"1\"", "\"patientId\": " + DEEP), 400),
                Arguments.of("hookInstance a number", valid.replace("\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\"", "1e400"), 400),
                Arguments.of("context an array", valid.replace("\"context\": {", "\"context\": [{").replace("[]}}}", "[]}}]}"), 400),
                Arguments.of("draftOrders a string", valid.replace("{\"resourceType\": \"Bundle\", \"entry\": []}", "\"none\""), 400),
                Arguments.of("entry an object", valid.replace("\"entry\": []", "\"entry\": {}"), 400),
                Arguments.of("NUL in hookInstance", valid.replace("d1577c69-dfbe", "d1577c69\\u0000dfbe"), 400),
                Arguments.of("10,000-character hookInstance", valid.replace("d1577c69-dfbe", LONG), 400),
                Arguments.of("entry holds a number", valid.replace("\"entry\": []", "\"entry\": [1]"), 400),
                Arguments.of("entry holds null", valid.replace("\"entry\": []", "\"entry\": [null]"), 400),
                Arguments.of("resource a number", valid.replace("\"entry\": []", "\"entry\": [{\"resource\": 7}]"), 400),
                // Found by the long fuzz round: a prefetched weight or dose no double holds was a 500.
                Arguments.of("prefetched weight 1e400", hookSample().replace("\"value\": 80,", "\"value\": 1e400,"), 400),
                Arguments.of("prefetched dose of 400 digits", hookSample().replace("\"value\": 5,", "\"value\": 1" + "0".repeat(400) + ","), 400),
                // Found by the fuzz round: an object where the request has text was a 500; it is read as no text.
                Arguments.of("draft order's resourceType an object", valid.replace("\"entry\": []",
                        "\"entry\": [{\"resource\": {\"resourceType\": {}}}]"), 200));
    }

    private static String hookSample() {
        try (var in = BadInputIntegrationTests.class.getResourceAsStream("/cdshooks/apixaban-knee-order-sign.request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "CDS Hooks: {0}")
    @MethodSource("hookInputs")
    void answersCdsHooksPlainly(String description, String body, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/cds-services/{id}", "synovia-injection-safety-order-sign")
                        .with(httpBasic(referrer.username(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();

        assertThat(response.getStatus()).as(description + ": " + response.getContentAsString()).isEqualTo(expected);
        assertPlain(description, response);
    }

    private static void assertPlain(String description, MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).as(description).doesNotContain("Exception", "org.", "java.", "SQL", "\tat ");
        assertThat(body).as(description).doesNotContainPattern("(?m)^\\s+at [a-z]");
    }
}
