package org.synovia.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.shared.web.RowTemplates.normalised;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The layout's links made once are those its link expressions made on every page (ADR 0121). */
class LayoutLinksTests {

    @ParameterizedTest
    @ValueSource(strings = {"", "/clinic"})
    void makesTheLinksTheLayoutsExpressionsMadeBehindTheContextPath(String contextPath) {
        LayoutLinks links = new LayoutLinks(contextPath, path -> path.replace("htmx.org/", "htmx.org/2.0.4/"));
        assertThat(normalised(links.head())).isEqualTo(normalised("""
                <link rel="stylesheet" href="%1$s/css/synovia.css">
                <link rel="stylesheet" href="%1$s/css/desk.css">
                <script src="%1$s/js/synovia.js" defer></script>
                <script src="%1$s/js/print.js" defer></script>
                <script src="%1$s/webjars/htmx.org/2.0.4/dist/htmx.min.js" defer></script>
                """.formatted(contextPath)));
        assertThat(links.home()).isEqualTo(contextPath + "/");
        assertThat(links.password()).isEqualTo(contextPath + "/account/password");
        assertThat(links.secondFactor()).isEqualTo(contextPath + "/account/second-factor");
    }
}
