package org.synovia.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;

import com.microsoft.playwright.Page;

/**
 * A journey through the pages in a real browser: the whole application on its port, one headless Chromium per
 * test class, and no user left signed in on the test's own thread between tests.
 */
@SynoviaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    @LocalServerPort
    int port;

    BrowserSession browser;

    @BeforeAll
    void openBrowser() {
        browser = new BrowserSession(port);
    }

    @AfterAll
    void closeBrowser() {
        LoggerFactory.getLogger(getClass()).info("axe-core scanned {} page states", browser.accessibility().scanned());
        browser.close();
    }

    @AfterEach
    void signOutOfTheTestThread() {
        AccountFixtures.signOut();
    }

    /** Every page state the test reached met axe-core's rules; otherwise the test fails with each violation. */
    @AfterEach
    void everyPageVisitedIsAccessible() {
        List<String> violations = browser.accessibility().takeViolations();
        assertThat(violations).as("axe-core violations on the pages this test visited").isEmpty();
    }

    /** Scans the page again after a change made without a load (an htmx swap). */
    void checkAccessibility(Page page) {
        browser.accessibility().scan(page);
    }
}
