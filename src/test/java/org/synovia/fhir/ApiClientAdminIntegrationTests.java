package org.synovia.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.UserAccounts;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;

/**
 * The administrator's page: a client is created with its scopes, its secret is shown once and stored only hashed,
 * and a disabled client is refused at once.
 */
@SynoviaIntegrationTest
class ApiClientAdminIntegrationTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired ApiClients clients;
    @LocalServerPort int port;

    @Test
    void createsAClientShowsItsSecretOnceAndKeepsOnlyItsHash() throws Exception {
        var admin = user("admin-for-api-clients").roles("ADMIN");
        String created = mvc.perform(post("/admin/api-clients").param("name", "North EHR order comms")
                        .param("scopes", "system/ServiceRequest.c system/*.rs").with(admin).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Matcher id = Pattern.compile("id=\"issued-client-id\">([^<]+)<").matcher(created);
        Matcher secret = Pattern.compile("id=\"issued-secret\">([^<]+)<").matcher(created);
        assertThat(id.find()).isTrue();
        assertThat(secret.find()).isTrue();
        String hash = jdbc.sql("select secret_hash from api_client where client_id = ?").param(id.group(1))
                .query(String.class).single();
        assertThat(hash).startsWith("sha256:").doesNotContain(secret.group(1));
        assertThat(jdbc.sql("select scopes from api_client where client_id = ?").param(id.group(1)).query(String.class)
                .single()).isEqualTo("system/ServiceRequest.c system/*.rs");

        String listed = mvc.perform(get("/admin/api-clients").with(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(listed).contains(id.group(1)).contains("North EHR order comms").doesNotContain(secret.group(1));
    }

    @Test
    void disablesAClientWhoseCallsAreThenRefused() throws Exception {
        IssuedCredentials issued = FhirFixtures.client(accounts, clients, "system/Patient.rs");
        IGenericClient fhir = FhirFixtures.http(port, issued);
        fhir.capabilities().ofType(org.hl7.fhir.r4.model.CapabilityStatement.class).execute();
        assertThat(fhir.search().byUrl("Patient?name=Nobodyatall").returnBundle(org.hl7.fhir.r4.model.Bundle.class)
                .execute().getEntry()).isEmpty();

        mvc.perform(post("/admin/api-clients/{id}/enabled", issued.client().clientId()).param("enabled", "false")
                        .with(user("admin-for-api-clients").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThatThrownBy(() -> fhir.search().byUrl("Patient?name=Nobodyatall").returnBundle(org.hl7.fhir.r4.model.Bundle.class)
                .execute()).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void showsAMalformedScopeBesideItsFieldAndOnlyAdministratorsMayCreate() throws Exception {
        String page = mvc.perform(post("/admin/api-clients").param("name", "Lab system").param("scopes", "patient/*.read")
                        .with(user("admin-for-api-clients").roles("ADMIN")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("&#39;patient/*.read&#39; is not a scope like system/Patient.rs or system/*.rs.");

        mvc.perform(get("/admin/api-clients").with(user("a-nurse").roles("NURSE"))).andExpect(status().isForbidden());
    }

    @Test
    void registersAClientsPublicKeySetOnThePageAndRefusesAPrivateKeyWithTheReason() throws Exception {
        IssuedCredentials issued = FhirFixtures.client(accounts, clients, "system/Patient.rs");
        var key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_384).keyID("page-key").generate();
        var admin = user("admin-for-api-clients").roles("ADMIN");

        mvc.perform(post("/admin/api-clients/{id}/keys", issued.client().clientId())
                        .param("jwks", new com.nimbusds.jose.jwk.JWKSet(key).toString(false)).param("jwksUrl", "")
                        .with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("problem",
                        org.hamcrest.Matchers.containsString("private key")));
        assertThat(jdbc.sql("select jwks from api_client where client_id = ?").param(issued.client().clientId())
                .query(String.class).optional()).isEmpty();

        mvc.perform(post("/admin/api-clients/{id}/keys", issued.client().clientId())
                        .param("jwks", new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString()).param("jwksUrl", "")
                        .with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("notice",
                        org.hamcrest.Matchers.containsString("saved")));
        assertThat(jdbc.sql("select jwks from api_client where client_id = ?").param(issued.client().clientId())
                .query(String.class).single()).contains("page-key").doesNotContain("\"d\"");
        assertThat(mvc.perform(get("/admin/api-clients").with(admin)).andReturn().getResponse().getContentAsString())
                .contains("Key set registered");
        mvc.perform(post("/admin/api-clients/{id}/keys", issued.client().clientId()).param("jwksUrl", "https://x.example/k")
                .with(user("a-nurse").roles("NURSE")).with(csrf())).andExpect(status().isForbidden());
    }
}
