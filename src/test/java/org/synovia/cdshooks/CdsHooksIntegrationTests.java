package org.synovia.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CDS Hooks calls as a record system makes them, with the request examples under
 * src/test/resources/cdshooks (shown in docs/integration/cds-hooks.md); each response is written beside the
 * build output for the docs.
 */
@SynoviaIntegrationTest
class CdsHooksIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired UserAccounts accounts;
    @Autowired JsonMapper json;

    UserAccount ehr;

    @BeforeEach
    void account() {
        ehr = AccountFixtures.create(accounts, Role.REFERRER);
    }

    private static String example(String name) throws Exception {
        try (var in = CdsHooksIntegrationTests.class.getResourceAsStream("/cdshooks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private JsonNode call(String service, String body, int expectedStatus, String exampleName) throws Exception {
        String response = mvc.perform(post("/cds-services/{id}", service).with(httpBasic(ehr.username(), AccountFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode tree = json.readTree(response);
        Path out = Path.of("target", "cdshooks", exampleName + ".response.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n");
        return tree;
    }

    private static List<JsonNode> cards(JsonNode response) {
        List<JsonNode> cards = new ArrayList<>();
        response.path("cards").forEach(cards::add);
        return cards;
    }

    @Test
    void describesBothServicesWithTheirPrefetchWithoutCredentials() throws Exception {
        String body = mvc.perform(get("/cds-services")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        JsonNode services = json.readTree(body).path("services");
        assertThat(services.size()).isEqualTo(2);
        assertThat(services.path(0).path("hook").asString()).isEqualTo("order-select");
        assertThat(services.path(1).path("hook").asString()).isEqualTo("order-sign");
        assertThat(services.path(1).path("prefetch").path("patient").asString()).isEqualTo("Patient/{{context.patientId}}");
        assertThat(services.path(1).path("prefetch").path("medications").asString()).startsWith("MedicationRequest?patient=");
    }

    @Test
    void refusesACallWithoutCredentialsOrFromAnAccountThatDoesNotOrder() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        mvc.perform(post("/cds-services/{id}", CdsHooksController.ORDER_SIGN).contentType(MediaType.APPLICATION_JSON)
                .content(example("apixaban-knee-order-sign.request.json"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/cds-services/{id}", CdsHooksController.ORDER_SIGN).with(httpBasic(clerk.username(), "wrong password"))
                .contentType(MediaType.APPLICATION_JSON).content(example("apixaban-knee-order-sign.request.json")))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/cds-services/{id}", CdsHooksController.ORDER_SIGN).with(httpBasic(clerk.username(), AccountFixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(example("apixaban-knee-order-sign.request.json")))
                .andExpect(status().isForbidden());
    }

    /** Cards about apixaban: their detail carries the plan. */
    private static JsonNode apixabanCard(JsonNode response) {
        return cards(response).stream().filter(c -> c.path("detail").asString().contains("**apixaban**")).findFirst()
                .orElseThrow();
    }

    @Test
    void keepsApixabanGoingForAKneeInjectionAndSaysWhy() throws Exception {
        JsonNode response = call(CdsHooksController.ORDER_SIGN, example("apixaban-knee-order-sign.request.json"), 200,
                "apixaban-knee-order-sign");

        JsonNode doac = apixabanCard(response);
        assertThat(doac.path("indicator").asString()).isEqualTo("info");
        assertThat(doac.path("detail").asString()).contains("**apixaban**: continue").doesNotContain("Last dose");
        assertThat(doac.path("source").path("label").asString()).startsWith("SAF-").containsPattern("\\[AC-\\d+");
        assertThat(doac.path("source").path("url").asString()).contains("/safety/rules#SAF-");
        assertThat(cards(response)).allSatisfy(card -> {
            assertThat(card.path("uuid").asString()).isNotBlank();
            assertThat(card.path("summary").asString().length()).isLessThan(140);
            assertThat(card.path("indicator").asString()).isIn("critical", "warning", "info");
            assertThat(card.path("source").path("label").asString()).isNotBlank();
        });
    }

    @Test
    void asksAboutDiabetesWhenTheProblemListDoesNotNameItBeforeASteroid() throws Exception {
        // The example's conditions prefetch names no diabetes: not recorded is not "none" (ADR 0068).
        JsonNode response = call(CdsHooksController.ORDER_SIGN, example("apixaban-knee-order-sign.request.json"), 200,
                "apixaban-knee-order-sign");

        assertThat(cards(response)).anySatisfy(card -> {
            assertThat(card.path("detail").asString()).contains("Diabetes not recorded");
            assertThat(card.path("indicator").asString()).isEqualTo("warning");
        });
    }

    @Test
    void givesTheApixabanHoldAndRestartDatesForACervicalFacetInjection() throws Exception {
        JsonNode response = call(CdsHooksController.ORDER_SIGN, example("apixaban-cervical-facet-order-sign.request.json"), 200,
                "apixaban-cervical-facet-order-sign");

        JsonNode doac = apixabanCard(response);
        assertThat(doac.path("indicator").asString()).isIn("warning", "critical");
        assertThat(doac.path("detail").asString()).contains("**apixaban**: hold").contains("Last dose").contains("Dec 2026")
                .contains("Restart");
        assertThat(doac.path("summary").asString()).startsWith("Right cervical facet");
    }

    @Test
    void warnsOfAnAllergyToTheLocalAnaestheticInTheSelectedOrder() throws Exception {
        JsonNode response = call(CdsHooksController.ORDER_SELECT, example("lidocaine-allergy-knee-order-select.request.json"),
                200, "lidocaine-allergy-knee-order-select");

        assertThat(cards(response)).anySatisfy(card -> {
            assertThat(card.path("summary").asString() + card.path("detail").asString()).containsIgnoringCase("lidocaine");
            assertThat(card.path("indicator").asString()).isIn("critical", "warning");
        });
    }

    @Test
    void saysNothingAboutAnOrderThatIsNotAnInjection() throws Exception {
        JsonNode response = call(CdsHooksController.ORDER_SIGN, example("xray-nothing-to-say-order-sign.request.json"), 200,
                "xray-nothing-to-say-order-sign");

        assertThat(response.path("cards").isArray()).isTrue();
        assertThat(response.path("cards").size()).isZero();
    }

    @Test
    void saysNothingWhenTheInjectionIsNotAmongTheSelectedOrders() throws Exception {
        String request = example("lidocaine-allergy-knee-order-select.request.json").replace("\"ServiceRequest/inj-1\"",
                "\"ServiceRequest/other\"");

        JsonNode response = call(CdsHooksController.ORDER_SELECT, request, 200, "order-select-other-selection");

        assertThat(response.path("cards").size()).isZero();
    }

    @Test
    void answersAMalformedRequestWith400NamingTheField() throws Exception {
        JsonNode bad = call(CdsHooksController.ORDER_SIGN, example("malformed-order-sign.request.json"), 400,
                "malformed-order-sign");
        JsonNode notJson = call(CdsHooksController.ORDER_SIGN, "{\"hook\": ", 400, "not-json");
        JsonNode wrongHook = call(CdsHooksController.ORDER_SELECT, example("apixaban-knee-order-sign.request.json"), 400,
                "wrong-hook");
        String noPatient = example("apixaban-knee-order-sign.request.json").replace("\"resourceType\": \"Patient\"",
                "\"resourceType\": \"Practitioner\"");
        JsonNode missingPatient = call(CdsHooksController.ORDER_SIGN, noPatient, 400, "missing-patient");

        assertThat(bad.path("error").asString()).isEqualTo("Invalid CDS Hooks request");
        assertThat(bad.path("problems").path(0).path("field").asString())
                .isEqualTo("context.draftOrders.entry[0].resource.occurrenceDateTime");
        assertThat(notJson.path("problems").path(0).path("field").asString()).isEqualTo("body");
        assertThat(wrongHook.path("problems").path(0).path("message").asString()).contains("order-select");
        assertThat(missingPatient.path("problems").path(0).path("field").asString()).isEqualTo("prefetch.patient");
    }
}
