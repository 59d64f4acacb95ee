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
