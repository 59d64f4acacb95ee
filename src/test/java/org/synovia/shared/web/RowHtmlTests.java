package org.synovia.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowHtmlTests {

    private static final RowHtml CELL = RowHtml.of("<td><a href=\"{}\">{}</a></td>");

    @Test
    void escapesEveryValueAsThTextDoes() {
        String html = CELL.append(new StringBuilder(), "/referrals/1?a=1&b=\"2\"", "O'Brien <b>&</b>").toString();
        assertThat(html).isEqualTo(
                "<td><a href=\"/referrals/1?a=1&amp;b=&quot;2&quot;\">O&#39;Brien &lt;b&gt;&amp;&lt;/b&gt;</a></td>");
    }

    @Test
    void printsNothingForNull() {
        assertThat(CELL.append(new StringBuilder(), null, null).toString()).isEqualTo("<td><a href=\"\"></a></td>");
    }

    @Test
    void keepsMarkupWithoutSlotsAsItIs() {
        assertThat(RowHtml.of("<tr>").append(new StringBuilder()).toString()).isEqualTo("<tr>");
        assertThat(RowHtml.of("<tr>").slots()).isZero();
    }

    @Test
    void refusesTooFewOrTooManyValues() {
        assertThatThrownBy(() -> CELL.append(new StringBuilder(), "only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
