package org.synovia.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

/**
 * Headless Debian Chromium driven by Playwright, offline: Playwright must not download a browser
 * of its own, and Chromium must not call home.
 */
public final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("synovia.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;
    private final String baseUrl;
    private final AccessibilityScans accessibility = new AccessibilityScans();

    public BrowserSession(int port) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM
                    + " (apt-get install chromium; .ci/run installs it)");
        }
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        this.baseUrl = "http://localhost:" + port;
    }

    /** A fresh browser context (own cookies), signed in as the given user. */
    public Page signedIn(String username, String password) {
        Page page = accessibility.watch(browser.newContext()).newPage();
        page.navigate(baseUrl + "/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(baseUrl + "/");
        return page;
    }

    /**
     * Opens the waiting list from the menu and pages on ("Next page", 50 a page, ADR 0116) until the patient's row is
     * shown, as a clerk would: other tests share the list, so the patient may be on any page. Returns that row.
     */
    public static com.microsoft.playwright.Locator waitingListRow(Page page, String patientName) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Waiting list").setExact(true)).click();
        page.waitForURL("**/waiting-list");
        com.microsoft.playwright.Locator row = page.getByRole(AriaRole.ROW)
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(patientName));
        for (int pages = 0; row.count() == 0 && pages < 200; pages++) {
            com.microsoft.playwright.Locator next = page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Next page").setExact(true));
            if (next.count() == 0) {
                break;
            }
            page.navigate(java.net.URI.create(page.url()).resolve(next.getAttribute("href")).toString()); // waits for the load
        }
        return row;
    }

    /** A fresh browser context with no one signed in (a patient opening their link). */
    public Page anonymous() {
        return accessibility.watch(browser.newContext()).newPage();
    }

    /** axe-core on every page these sessions load (ADR 0087). */
    AccessibilityScans accessibility() {
        return accessibility;
    }

    public String url(String path) {
        return baseUrl + path;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
