package org.synovia.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

import org.synovia.shared.web.RowHtml;
import org.synovia.shared.web.RowText;

/**
 * The main menu of every signed-in page: which links each role sees, in menu order. Built once per set of roles and
 * drawn by a plain loop, instead of a role test and a link expression per entry on every page (ADR 0113); only the
 * number of open diary alerts is the request's own, and it is counted only when the menu is drawn. The links are
 * drawn as markup once per set of roles too, every value escaped, not by two expressions per link on every page
 * (ADR 0121).
 */
public final class MainMenu {

    /** One link as drawn: its text and its address behind the context path. */
    public record Link(String label, String href) {
    }

    /** A menu entry and the roles that see it; no roles: everyone signed in. */
    private record Entry(String label, String path, Set<String> roles) {

        boolean shownTo(Set<String> held) {
            return roles.isEmpty() || roles.stream().anyMatch(held::contains);
        }
    }

    private static final Set<String> CLINICAL_AND_BOOKING = Set.of("REFERRER", "RADIOLOGIST", "NURSE", "BOOKING");
    private static final Set<String> TEAM = Set.of("RADIOLOGIST", "NURSE", "BOOKING");
    private static final Set<String> ADMIN_OR_BOOKING = Set.of("ADMIN", "BOOKING");
    private static final Set<String> ADMIN = Set.of("ADMIN");
    private static final Set<String> BOOKING = Set.of("BOOKING");
    /** Who sees "Diary alerts" and the number of open alerts beside it. */
    static final Set<String> DIARY_ALERTS = Set.of("RADIOLOGIST", "NURSE");
    private static final String DIARY_ALERTS_PATH = "/diary/alerts";

    private static final List<Entry> ENTRIES = List.of(
            new Entry("Patients", "/patients", CLINICAL_AND_BOOKING),
            new Entry("Referrals", "/referrals", CLINICAL_AND_BOOKING),
            new Entry("Vetting", "/vetting", Set.of("RADIOLOGIST")),
            new Entry("Waiting list", "/waiting-list", TEAM),
            new Entry("Appointments", "/appointments", TEAM),
            new Entry("Day list", "/day", TEAM),
            new Entry("Freed slots", "/freed-slots", BOOKING),
            new Entry("Funding", "/funding", ADMIN_OR_BOOKING),
            new Entry("Prices", "/admin/prices", ADMIN_OR_BOOKING),
            new Entry("Plan sessions", "/plan-sessions", BOOKING),
            new Entry("Diary alerts", DIARY_ALERTS_PATH, DIARY_ALERTS),
            new Entry("Sessions", "/sessions", ADMIN_OR_BOOKING),
            new Entry("Messages", "/messages", BOOKING),
            new Entry("HL7 interface", "/interfaces/hl7", ADMIN_OR_BOOKING),
            new Entry("Injection sites", "/catalogue/sites", Set.of()),
            new Entry("Safety rules", "/safety/rules", Set.of()),
            new Entry("Outcomes", "/outcomes", Set.of("RADIOLOGIST", "NURSE", "ADMIN")),
            new Entry("Staff accounts", "/admin/users", ADMIN),
            new Entry("Audit trail", "/admin/audit", ADMIN),
            new Entry("DICOM worklist", "/admin/dicom", ADMIN),
            new Entry("API clients", "/admin/api-clients", ADMIN));

    private record Key(String contextPath, Set<String> roles) {
    }

    /** The links of a set of roles and their markup. */
    private record Built(List<Link> links, String html) {

        Built(List<Link> links) {
            this(links, draw(links));
        }
    }

    private static final RowHtml LINK = RowHtml.of("\n      <a href=\"{}\">{}</a>");

    /** At most one list per context path and combination of the five roles. */
    private static final Map<Key, Built> BUILT = new ConcurrentHashMap<>();

    private MainMenu() {
    }

    /** The links these roles see, in menu order, "Diary alerts" without a number. */
    static List<Link> linksFor(Set<String> roles) {
        return builtFor(roles).links();
    }

    private static Built builtFor(Set<String> roles) {
        String contextPath = RowText.link("");
        return BUILT.computeIfAbsent(new Key(contextPath, Set.copyOf(roles)), key -> new Built(ENTRIES.stream()
                .filter(entry -> entry.shownTo(key.roles()))
                .map(entry -> new Link(entry.label(), key.contextPath() + entry.path()))
                .toList()));
    }

    /** The links as the menu prints them, every value escaped as {@code th:href} and {@code th:text} escape it. */
    static String draw(List<Link> links) {
        StringBuilder html = new StringBuilder(links.size() * 48);
        for (Link link : links) {
            LINK.append(html, link.href(), link.label());
        }
        return html.append("\n    ").toString();
    }

    /**
     * The menu of this request: the links of its roles, with the number of open diary alerts beside "Diary alerts"
     * when there are any. The count is asked for on the first call only, so a request that draws no menu (a redirect,
     * a fragment) costs no statement for it.
     */
    public static final class Drawn {

        private final Set<String> roles;
        private final IntSupplier openDiaryAlerts;
        private Built built;
        private List<Link> links;

        Drawn(Set<String> roles, IntSupplier openDiaryAlerts) {
            this.roles = roles;
            this.openDiaryAlerts = openDiaryAlerts;
        }

        public List<Link> links() {
            if (links == null) {
                built = builtFor(roles);
                links = withDiaryCount(built.links());
            }
            return links;
        }

        /** The links as markup: the markup made once for these roles, unless a number of alerts is shown. */
        public String html() {
            List<Link> shown = links();
            return shown == built.links() ? built.html() : draw(shown);
        }

        private List<Link> withDiaryCount(List<Link> built) {
            if (DIARY_ALERTS.stream().noneMatch(roles::contains)) {
                return built;
            }
            int open = openDiaryAlerts.getAsInt();
            if (open <= 0) {
                return built;
            }
            List<Link> counted = new ArrayList<>(built);
            counted.replaceAll(link -> link.href().endsWith(DIARY_ALERTS_PATH)
                    ? new Link(link.label() + " (" + open + ")", link.href()) : link);
            return List.copyOf(counted);
        }
    }
}
