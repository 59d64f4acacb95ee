package org.synovia.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.shared.web.RowTemplates.drawnAlone;
import static org.synovia.shared.web.RowTemplates.normalised;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The main menu drawn in Java is the menu its template drew (ADR 0121), escaping included. */
class MainMenuTests {

    /** The menu of {@code fragments/layout.html} before its links were drawn in Java. */
    private static final String TEMPLATE_MENU = """
            <nav id="main-menu" aria-label="Main">
              <a th:each="link : ${links}" th:href="${link.href}" th:text="${link.label}">Patients</a>
            </nav>""";

    @Test
    void drawsTheLinksTheTemplateDrewEscapingEachValue() {
        List<MainMenu.Link> links = List.of(new MainMenu.Link("Patients", "/patients"),
                new MainMenu.Link("Diary alerts (3) & <more> \"O'Brien\"", "/ctx/diary/alerts?x=1&y='2'"));
        assertSameAsTemplate(links);
    }

    @Test
    void drawsEachRoleSetsMenuAsTheTemplateDrewIt() {
        for (Set<String> roles : List.of(Set.of("ADMIN"), Set.of("BOOKING"), Set.of("RADIOLOGIST"), Set.of("NURSE"),
                Set.of("REFERRER"), Set.of("ADMIN", "BOOKING", "RADIOLOGIST", "NURSE", "REFERRER"), Set.<String>of())) {
            MainMenu.Drawn menu = new MainMenu.Drawn(roles, () -> 0);
            assertThat(normalised("<nav id=\"main-menu\" aria-label=\"Main\">" + menu.html() + "</nav>"))
                    .isEqualTo(normalised(drawnAlone(TEMPLATE_MENU, Map.of("links", menu.links()))));
        }
    }

    @Test
    void showsTheOpenDiaryAlertsOfThisRequestAndCountsThemOnce() {
        AtomicInteger counted = new AtomicInteger();
        MainMenu.Drawn menu = new MainMenu.Drawn(Set.of("NURSE"), () -> {
            counted.incrementAndGet();
            return 4;
        });
        assertThat(menu.html()).contains(">Diary alerts (4)</a>");
        assertThat(menu.html()).contains(">Diary alerts (4)</a>");
        assertThat(counted).hasValue(1);
        assertThat(new MainMenu.Drawn(Set.of("NURSE"), () -> 0).html()).contains(">Diary alerts</a>");
    }

    private static void assertSameAsTemplate(List<MainMenu.Link> links) {
        assertThat(normalised("<nav id=\"main-menu\" aria-label=\"Main\">" + MainMenu.draw(links) + "</nav>"))
                .isEqualTo(normalised(drawnAlone(TEMPLATE_MENU, Map.of("links", links))));
    }
}
