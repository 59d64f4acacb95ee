package org.synovia.referral.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.shared.web.RowTemplates.drawnAlone;
import static org.synovia.shared.web.RowTemplates.normalised;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.synovia.catalogue.InjectionSite;
import org.synovia.referral.Intent;
import org.synovia.referral.ReferralFilter;
import org.synovia.referral.ReferralStatus;
import org.synovia.referral.Urgency;
import org.synovia.shared.Guidance;

/** The referral list's filter options drawn in Java are those its template drew (ADR 0121), escaping included. */
class ReferralFilterOptionsTests {

    /** The options of {@code referral/list.html} before they were drawn in Java. */
    private static final String TEMPLATE_OPTIONS = """
            <select id="status"><option th:each="s : ${statuses}" th:value="${s}" th:text="${s.label()}" th:selected="${s == filter.status()}"></option></select>
            <select id="site"><option th:each="s : ${sites}" th:value="${s.code()}" th:text="${s.name()}" th:selected="${s.code() == filter.siteCode()}"></option></select>
            <select id="urgency"><option th:each="u : ${urgencies}" th:value="${u}" th:text="${u.label()}" th:selected="${u == filter.urgency()}"></option></select>
            <select id="intent"><option th:each="i : ${intents}" th:value="${i}" th:text="${i.label()}" th:selected="${i == filter.intent()}"></option></select>
            """;

    private static final List<InjectionSite> SITES = List.of(site("KNEE_JOINT", "Knee joint"),
            site("HIP_<&>", "Hip \"joint\" & O'Brien's <b>"), site("SHOULDER", "Shoulder"));

    private static InjectionSite site(String code, String name) {
        return new InjectionSite(code, name, "Region", InjectionSite.Structure.JOINT, Guidance.ULTRASOUND, List.of(),
                true, false, InjectionSite.JointSize.LARGE, InjectionSite.BleedingClass.PERIPHERAL, null, null, false);
    }

    @Test
    void drawsTheOptionsTheTemplateDrewWithNothingChosen() {
        assertThat(assertSameAsTemplate(new ReferralFilter(null, null, null, null, null))).doesNotContain("selected");
    }

    @Test
    void drawsTheOptionsTheTemplateDrewWithEachFilterChosen() {
        assertThat(assertSameAsTemplate(new ReferralFilter(ReferralStatus.SUBMITTED, "HIP_<&>", Urgency.URGENT,
                Intent.values()[1], "smith"))).contains("value=\"HIP_&lt;&amp;&gt;\" selected=\"selected\"");
        assertThat(assertSameAsTemplate(new ReferralFilter(ReferralStatus.values()[ReferralStatus.values().length - 1],
                "SHOULDER", Urgency.values()[0], Intent.values()[0], null))).contains("selected=\"selected\"");
    }

    /** Requires the Java options to be the template's and returns them. */
    private static String assertSameAsTemplate(ReferralFilter filter) {
        String template = drawnAlone(TEMPLATE_OPTIONS, Map.of("filter", filter, "statuses", ReferralStatus.values(),
                "sites", SITES, "urgencies", Urgency.values(), "intents", Intent.values()));
        ReferralFilterOptions options = ReferralFilterOptions.of(filter, SITES);
        String java = """
                <select id="status">%s</select>
                <select id="site">%s</select>
                <select id="urgency">%s</select>
                <select id="intent">%s</select>
                """.formatted(options.statuses(), options.sites(), options.urgencies(), options.intents());
        assertThat(normalised(java)).isEqualTo(normalised(template));
        return java;
    }
}
