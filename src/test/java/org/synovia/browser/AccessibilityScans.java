package org.synovia.browser;

import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

/**
 * axe-core on every page state a browser test reaches (ADR 0087). The scan runs inside the page, not from the
 * test: axe-core is added to every page of the context before its own scripts, and scans the page when it has
 * loaded and again after every htmx swap, reporting back through a binding. Run from the test's side at each load
 * event it would race the test's next click. At the end of a test every page still open is scanned once more,
 * so the state the test left is covered even when a scan was cut short by a navigation. Violations name the
 * page, the rule, its impact, what to fix and where.
 */
final class AccessibilityScans {

    private static final String BINDING = "synoviaAccessibilityReport";
    /** Elements above which a page is scanned only when the test asks and when it ends, not at every load. */
    private static final int AUTOMATIC_SCAN_LIMIT = 5_000;

    /** Formats axe-core's violations as lines of text, so the binding passes one string. */
    private static final String SCANNER = """
            (() => {
              if (window.top !== window || !location.protocol.startsWith('http')) { return; }
              const describe = v => v.id + ' (' + v.impact + ') ' + v.help + ' at '
                  + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 160)).join(', ')
                  + (v.nodes.length > 5 ? ' and ' + (v.nodes.length - 5) + ' more' : '');
              // axe-core refuses a run while another is going: each scan (the test's own, or one at load or after a
              // swap) waits for the one before it.
              let previous = Promise.resolve();
              window.synoviaAccessibilityScan = () => {
                const next = previous.catch(() => {}).then(() => axe.run(document))
                    .then(r => r.violations.map(describe).join('\\n'));
                previous = next;
                return next;
              };
              let running = false, again = false;
              const scan = () => {
                // A page the shared test database has swollen (every account of the run on the staff page) would
                // block the test's next click for the scan's whole length; the test's own and final scans cover it.
                if (document.getElementsByTagName('*').length > %d) { return; }
                if (running) { again = true; return; }
                running = true;
                window.synoviaAccessibilityScan()
                    .then(found => window.%s(location.href, found))
                    .catch(() => {})
                    .finally(() => { running = false; if (again) { again = false; scan(); } });
              };
              window.addEventListener('load', scan);
              document.addEventListener('htmx:afterSettle', scan);
            })();
            """.formatted(AUTOMATIC_SCAN_LIMIT, BINDING);

    private final List<String> violations = new ArrayList<>();
    private final List<BrowserContext> contexts = new ArrayList<>();
    private int scanned;

    /** Scans every page of the context as it loads and changes, for as long as it lives. */
    BrowserContext watch(BrowserContext context) {
        context.exposeBinding(BINDING, (source, args) -> {
            record(String.valueOf(args[0]), String.valueOf(args[1]));
            return null;
        });
        context.addInitScript(AxeBuilder.getAxeScript() + "\n" + SCANNER);
        contexts.add(context);
        return context;
    }

    /** Scans the page as it is now, from the test: the state a test leaves, or one it wants checked at once. */
    void scan(Page page) {
        page.waitForLoadState();
        record(page.url(), String.valueOf(page.evaluate("() => window.synoviaAccessibilityScan()")));
    }

    private synchronized void record(String url, String found) {
        scanned++;
        if (!found.isBlank()) {
            found.lines().forEach(line -> violations.add(url + ": " + line));
        }
    }

    synchronized int scanned() {
        return scanned;
    }

    /** Scans every page still open of the contexts opened since the last call, then gives every violation found since the last call and forgets them. */
    List<String> takeViolations() {
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                if (!page.isClosed() && page.url().startsWith("http")) {
                    try {
                        scan(page);
                    } catch (PlaywrightException navigatedMeanwhile) {
                        // the page was left while being scanned; its next page reports through the binding
                    }
                }
            }
        }
        contexts.clear();
        synchronized (this) {
            List<String> found = List.copyOf(violations);
            violations.clear();
            return found;
        }
    }
}
