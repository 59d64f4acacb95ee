package org.synovia.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.account.AccountFixtures;

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
        browser.close();
    }

    @AfterEach
    void signOutOfTheTestThread() {
        AccountFixtures.signOut();
    }
}
