package org.synovia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The rows of the 50-row list pages print text their row records made in Java (ADR 0105): per row, a link built
 * with {@code @{…}}, a {@code #temporals} date or an included fragment cost more than the rest of the row together.
 * The referral list's, the vetting queue's and the waiting list's rows are drawn whole in Java, each value escaped
 * (ADR 0118), and so are the appointments list's and the audit trail's (ADR 0121).
 */
class ListRowTemplatesTests {

    @ParameterizedTest
    @ValueSource(strings = {"referral/list.html", "vetting/queue.html", "waitinglist/list.html", "booking/list.html",
            "audit/trail.html"})
    void drawsNoRowInTheTemplate(String template) throws IOException {
        String html = template(template);
        assertThat(html).doesNotContain("<tr th:each").containsPattern("<tbody th:utext=\"\\$\\{\\w+Rows}\"></tbody>");
    }

    private static String template(String name) throws IOException {
        return new ClassPathResource("templates/" + name).getContentAsString(StandardCharsets.UTF_8);
    }
}
