package org.synovia.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.patient.NewPatient;
import org.synovia.patient.PatientFixtures;
import org.synovia.patient.Patients;
import org.synovia.testing.RecordCopies;

/**
 * Links on a page are not static resources: only the style sheet, the page script and htmx go through the
 * resource chain (ADR 0045), and those three still load.
 */
@SynoviaIntegrationTest
class StaticResourcesIntegrationTests {

    private static final Pattern HTMX_SRC = Pattern.compile("<script src=\"(/webjars/htmx\\.org/[^\"]+)\"");

    @Autowired MockMvc mvc;
    @Autowired ResourceUrlProvider resourceUrls;
    @Autowired UserAccounts accounts;
    @Autowired Patients patients;

    /** Counts every URL the resource chain is asked to resolve for a link, in front of the real resolvers. */
    static final class CountingResolver implements ResourceResolver {

        final AtomicInteger urlLookups = new AtomicInteger();

        @Override
        public Resource resolveResource(HttpServletRequest request, String requestPath, List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return chain.resolveResource(request, requestPath, locations);
        }

        @Override
        public String resolveUrlPath(String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
            urlLookups.incrementAndGet();
            return chain.resolveUrlPath(resourcePath, locations);
        }
    }

    private final CountingResolver counting = new CountingResolver();

    @AfterEach
    void removeCounter() {
        resourceUrls.getHandlerMap().values().forEach(handler -> handler.getResourceResolvers().remove(counting));
        AccountFixtures.signOut();
    }

    @Test
    void servesOnlyTheStyleSheetScriptsWebjarsAndTabIconAsStaticResources() {
        assertThat(resourceUrls.getHandlerMap()).containsOnlyKeys("/css/**", "/js/**", "/webjars/**", "/favicon.ico");
    }

    @Test
    void servesTheTabIconBrowsersAskForBeforeSignIn() throws Exception {
        byte[] icon = mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        // An ICO file starts with reserved 0 and type 1.
        assertThat(icon).startsWith(0, 0, 1, 0);
    }

    @Test
    void rendersFiftyPatientLinksWithoutLookingThemUpAsResources() throws Exception {
        UserAccount clerk = AccountFixtures.create(accounts, Role.BOOKING);
        AccountFixtures.signIn(clerk);
        String family = PatientFixtures.uniqueFamilyName();
        for (int i = 0; i < 50; i++) {
            patients.register(RecordCopies.with(PatientFixtures.adult(), "familyName", family), true);
        }
        resourceUrls.getHandlerMap().values().forEach(handler -> handler.getResourceResolvers().addFirst(counting));
        mvc.perform(get("/patients").param("q", family).with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk());
        // The two style sheets, the two page scripts and htmx: five lookups on the application's first page at most.
        assertThat(counting.urlLookups.getAndSet(0)).isLessThanOrEqualTo(5);

        String page = mvc.perform(get("/patients").param("q", family).with(user(clerk.username()).roles("BOOKING")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(Pattern.compile("href=\"/patients/[0-9a-f-]{36}\"").matcher(page).results().count()).isEqualTo(50);
        // The layout's links are made once (ADR 0121): no lookup whatever the number of rows and links.
        assertThat(counting.urlLookups).hasValue(0);
    }

    @Test
    void loadsTheStyleSheetAndHtmxFromTheirLinks() throws Exception {
        String page = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher htmx = HTMX_SRC.matcher(page);
        assertThat(htmx.find()).as("htmx script tag in %s", page).isTrue();
        // Written with htmx's version, resolved from the webjar, so a browser may cache it for as long as it likes.
        assertThat(htmx.group(1)).matches("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+[^/]*/dist/htmx\\.min\\.js");

        mvc.perform(get(htmx.group(1))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("htmx")));
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/synovia.css")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
        mvc.perform(get("/js/synovia.js")).andExpect(status().isOk());
    }

    @Test
    void answersAnUnknownPathWithNotFound() throws Exception {
        mvc.perform(get("/no-such-page.css").with(user("someone").roles("BOOKING"))).andExpect(status().isNotFound());
    }
}
