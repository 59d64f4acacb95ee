package org.synovia.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.synovia.SynoviaIntegrationTest;

/**
 * Staff sign in through a real OpenID Connect provider (Spring Authorization Server, {@link TestOidcProvider}), the
 * whole redirect flow driven over HTTP as a browser would: Synovia sends the person to the provider, they post the
 * provider's sign-in form, the provider sends them back with a code, and Synovia exchanges it for a signed ID token.
 */
@SynoviaIntegrationTest
class SingleSignOnIntegrationTests {

    static final String PROVIDER_NAME = "Test Trust";
    static final TestOidcProvider provider = TestOidcProvider.start();

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        registry.add("synovia.sso.enabled", () -> "true");
        registry.add("synovia.sso.provider-name", () -> PROVIDER_NAME);
        registry.add("synovia.sso.issuer-uri", provider::issuer);
        registry.add("synovia.sso.client-id", () -> TestOidcProvider.CLIENT_ID);
        registry.add("synovia.sso.client-secret", () -> TestOidcProvider.CLIENT_SECRET);
        registry.add("synovia.sso.role-mapping.synovia-radiologists", () -> "RADIOLOGIST");
        registry.add("synovia.sso.role-mapping.synovia-admins", () -> "ADMIN");
        registry.add("synovia.sso.role-mapping.synovia-nurses", () -> "NURSE");
        // Password sign-in of administrators needs a second factor here; single sign-on leaves that to the provider.
        registry.add("synovia.account.second-factor.required-roles", () -> "ADMIN");
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired MockMvc mvc;
    @Autowired SecondFactors secondFactors;

    @BeforeEach
    void providerKeepsOurTime() {
        provider.useClock(clock);
    }

    @Test
    void offersTheProviderBesideThePasswordForm() throws Exception {
        Browser browser = new Browser();
        String page = browser.get(app("/login")).body();

        assertThat(page).contains("Sign in with Test Trust").contains("/oauth2/authorization/sso").contains("name=\"password\"");
    }

    @Test
    void signsInWithTheRolesMappedFromTheProvidersClaimAndAuditsIt() throws Exception {
        UserAccount person = AccountFixtures.create(accounts, Role.NURSE);
        provider.person("mapped." + person.username(), Map.of("email", person.email().toUpperCase(),
                "roles", List.of("synovia-radiologists", "some-other-group")));
        Browser browser = new Browser();

        assertThat(browser.signInThroughProvider("mapped." + person.username())).isEqualTo("/");

        assertThat(browser.get(app("/")).statusCode()).isEqualTo(200);
        assertThat(browser.get(app("/admin/users")).statusCode()).isEqualTo(403);
        assertThat(accounts.find(person.username()).orElseThrow().roles()).containsExactly(Role.RADIOLOGIST);
        assertThat(trailOf(person.username())).extracting(row -> row.get("action") + " " + row.get("roles") + " " + row.get("details"))
                .contains("UPDATE NONE roles set to [RADIOLOGIST] from the claims of Test Trust at sign-in (were [NURSE])",
                        "SIGN_IN RADIOLOGIST signed in through Test Trust");
    }

    @Test
    void takesAWithdrawnRoleAwayAtTheNextSignInAndEndsTheEarlierSession() throws Exception {
        UserAccount person = AccountFixtures.create(accounts, Role.NURSE);
        String login = "admin." + person.username();
        provider.person(login, Map.of("email", person.email(), "roles", List.of("synovia-admins")));
        Browser earlier = new Browser();
        earlier.signInThroughProvider(login);
        assertThat(earlier.get(app("/admin/users")).statusCode()).isEqualTo(200);

        provider.person(login, Map.of("email", person.email(), "roles", List.of("synovia-nurses")));
        Browser later = new Browser();
        assertThat(later.signInThroughProvider(login)).isEqualTo("/");

        assertThat(later.get(app("/admin/users")).statusCode()).isEqualTo(403);
        assertThat(earlier.get(app("/admin/users")).headers().firstValue("Location")).hasValue("/login?expired");
    }

    @Test
    void makesAnAdministratorSetUpTheRequiredSecondFactorAtPasswordSignIn() throws Exception {
        UserAccount admin = AccountFixtures.create(accounts, Role.ADMIN);
        MvcResult password = mvc.perform(post("/login").param("username", admin.username())
                        .param("password", AccountFixtures.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl(SecondFactorSignIn.PATH)).andExpect(unauthenticated()).andReturn();
        MockHttpSession session = (MockHttpSession) password.getRequest().getSession();

        MvcResult page = mvc.perform(get(SecondFactorSignIn.PATH).session(session))
                .andExpect(content().string(Matchers.containsString("Your role requires a second factor"))).andReturn();
        SecondFactorSignIn.Waiting waiting = (SecondFactorSignIn.Waiting) page.getModelAndView().getModel().get("waiting");
        byte[] secret = Base32.decode(waiting.enrolment().secret());
        mvc.perform(post(SecondFactorSignIn.PATH).session(session).with(csrf())
                        .param("code", Totp.code(secret, Totp.stepAt(clock.instant()), 6, Totp.ALGORITHM)))
                .andExpect(redirectedUrl("/")).andExpect(authenticated().withRoles("ADMIN"));

        assertThat(secondFactors.isOn(admin.username())).isTrue();
        assertThat(trailOf(admin.username())).extracting(row -> row.get("action") + " " + row.get("details"))
                .containsSubsequence("UPDATE second factor switched on at sign-in", "SIGN_IN signed in with password and second factor");
    }

    @Test
    void refusesAPersonWithNoMappedRoleWithAClearPage() throws Exception {
        UserAccount person = AccountFixtures.create(accounts, Role.BOOKING);
        provider.person("unmapped." + person.username(), Map.of("email", person.email(), "roles", List.of("finance")));
        Browser browser = new Browser();

        String landing = browser.signInThroughProvider("unmapped." + person.username());

        assertThat(landing).isEqualTo("/login?sso=no_role");
        assertThat(browser.get(app(landing)).body()).contains("Test Trust signed you in, but gives you no role that Synovia knows");
        assertThat(browser.get(app("/")).headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
        assertThat(accounts.find(person.username()).orElseThrow().roles()).containsExactly(Role.BOOKING);
        assertThat(trailOf(person.username())).extracting(row -> row.get("action") + " " + row.get("details"))
                .containsOnlyOnce("SIGN_IN_REFUSED single sign-on through Test Trust refused (no_role: no value of claim "
                        + "'roles' maps to a Synovia role) at GET /login/oauth2/code/sso");
    }

    @Test
    void refusesADisabledAccount() throws Exception {
        UserAccount person = AccountFixtures.create(accounts, Role.RADIOLOGIST);
        accounts.setEnabled(person.username(), false);
        provider.person("disabled." + person.username(), Map.of("email", person.email(), "roles", List.of("synovia-radiologists")));
        Browser browser = new Browser();

        String landing = browser.signInThroughProvider("disabled." + person.username());

        assertThat(landing).isEqualTo("/login?sso=disabled");
        assertThat(browser.get(app(landing)).body()).contains("Your Synovia account is disabled.");
        assertThat(trailOf(person.username())).extracting(row -> row.get("action") + " " + row.get("details"))
                .contains("SIGN_IN_REFUSED single sign-on through Test Trust refused (disabled: account disabled) at "
                        + "GET /login/oauth2/code/sso")
                .noneMatch(line -> line.startsWith("SIGN_IN "));
    }

    @Test
    void refusesSomeoneWithoutASynoviaAccountWhenAccountsMustExist() throws Exception {
        String email = "stranger." + System.nanoTime() % 1_000_000 + "@trust.example";
        provider.person(email, Map.of("email", email, "roles", List.of("synovia-radiologists")));
        Browser browser = new Browser();

        String landing = browser.signInThroughProvider(email);

        assertThat(landing).isEqualTo("/login?sso=no_account");
        assertThat(browser.get(app(landing)).body()).contains("no Synovia account is linked to you");
        assertThat(accounts.page(new StaffAccountFilter(email, null, null), null).accounts())
                .noneMatch(account -> email.equalsIgnoreCase(account.email()));
        assertThat(trailOf(email)).extracting(row -> row.get("action") + " " + row.get("roles"))
                .containsExactly("SIGN_IN_REFUSED NONE");
    }

    private List<Map<String, Object>> trailOf(String username) {
        return jdbc.sql("select action, roles, details from audit_event where username = ? order by id").param(username)
                .query().listOfRows();
    }

    private URI app(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Cookies and redirects as a browser keeps them; the provider and Synovia are different hosts to it. */
    private final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) throws IOException, InterruptedException {
            String body = String.join("&", form.entrySet().stream().map(field -> field.getKey() + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).toList());
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        /**
         * Clicks "Sign in with", signs in on the provider's own form and follows the redirects back to Synovia;
         * answers where Synovia finally sends the person.
         */
        String signInThroughProvider(String login) throws IOException, InterruptedException {
            HttpResponse<String> response = get(app("/oauth2/authorization/sso"));
            boolean postedForm = false;
            for (int hop = 0; hop < 10; hop++) {
                if (response.statusCode() == 200 && !postedForm) {
                    Matcher csrf = CSRF.matcher(response.body());
                    assertThat(csrf.find()).as("the provider's sign-in form").isTrue();
                    String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
                    response = post(response.uri(), Map.of("username", login, "password", TestOidcProvider.PASSWORD,
                            "_csrf", token));
                    postedForm = true;
                    continue;
                }
                assertThat(response.statusCode()).as("a redirect from " + response.uri()).isEqualTo(302);
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                if (response.uri().getPath().startsWith("/login/oauth2/code/")) {
                    return response.headers().firstValue("Location").orElseThrow();
                }
                response = get(next);
            }
            throw new AssertionError("no way back to Synovia after ten redirects");
        }
    }
}
