package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.synovia.safety.Finding;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.PlanAction;
import org.synovia.safety.RuleDescription;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.Severity;
import org.synovia.safety.rules.SafetyEngine;
import org.synovia.shared.Antithrombotic;

/**
 * Every line of the patient panel and every finding of the day's safety list names the guideline it rests on, as
 * users read it (document, year, section and the register's rows), never a file of ours.
 */
class DayListAlertsTests {

    private static final GuidelineReference ASRA = GuidelineReference.of("ASRA/ESRA pain", 2018, "Table 1", "AC-25");
    private static final GuidelineReference EULAR = GuidelineReference.of("EULAR intra-articular therapy recommendations",
            2021, "Table 2", "CI-03");
    private static final LocalDateTime START = LocalDateTime.of(2027, 1, 12, 9, 0);

    private static MedicationPlan plan(PlanAction action, MedicationPlan.InrCheck inr) {
        return new MedicationPlan("SAF-001", Antithrombotic.APIXABAN, "apixaban", action, 72, 6, 2,
                action == PlanAction.HOLD ? START.minusDays(3) : null, null, "24 h after", inr, List.of(), null, "", "",
                List.of(ASRA), List.of());
    }

    private static Finding finding(Severity severity, List<GuidelineReference> sources) {
        return new Finding("SAF-031", "Infection at the site", severity, "Suspected septic joint", sources, List.of(), null,
                false);
    }

    private static SafetyAssessment assessment(List<Finding> findings, List<MedicationPlan> plans) {
        return new SafetyAssessment(START.toLocalDate(), Severity.STOP, null, null, findings, plans, List.of(), "");
    }

    static Stream<Arguments> panelLines() {
        var inr = new MedicationPlan.InrCheck(LocalDate.of(2027, 1, 11), 1.5, false, "INR below 1.5");
        return Stream.of(
                Arguments.of("a held blood thinner", assessment(List.of(), List.of(plan(PlanAction.HOLD, null))),
                        "Confirm the last apixaban dose was ", ASRA),
                Arguments.of("a blood thinner that continues", assessment(List.of(), List.of(plan(PlanAction.CONTINUE, null))),
                        "Continue apixaban", ASRA),
                Arguments.of("a prescriber's plan", assessment(List.of(), List.of(plan(PlanAction.REFER_TO_PRESCRIBER, null))),
                        "Confirm the prescriber's plan", ASRA),
                Arguments.of("an INR to check", assessment(List.of(), List.of(plan(PlanAction.CONTINUE, inr))),
                        "Check the INR", ASRA),
                Arguments.of("a STOP", assessment(List.of(finding(Severity.STOP, List.of(EULAR))), List.of()),
                        "SAF-031 (STOP)", EULAR),
                Arguments.of("a warning", assessment(List.of(finding(Severity.WARN, List.of(EULAR, ASRA))), List.of()),
                        "SAF-031 (WARN)", EULAR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("panelLines")
    void namesTheGuidelineOfEveryLineOnThePatientPanel(String what, SafetyAssessment assessment, String line,
            GuidelineReference source) {
        assertThat(DayListAlerts.withSources(assessment)).filteredOn(a -> a.startsWith(line)).isNotEmpty()
                .allSatisfy(a -> assertThat(a).contains(" Source: " + source.cite()).endsWith("."));
    }

    @Test
    void keepsTheDayListLinesShortWithoutSources() {
        var assessment = assessment(List.of(finding(Severity.STOP, List.of(EULAR))), List.of(plan(PlanAction.HOLD, null)));

        assertThat(DayListAlerts.of(assessment)).hasSize(2).noneMatch(a -> a.contains("Source:"));
    }

    static Stream<Arguments> everySourceOfEveryRule() {
        return SafetyEngine.catalogue(LocalPolicy.defaults()).stream()
                .flatMap(rule -> rule.sources().stream().map(source -> Arguments.of(rule.id(), rule, source)));
    }

    /** The day's safety list shows each finding's sources as {@link GuidelineReference#cite()} gives them. */
    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("everySourceOfEveryRule")
    void citesEveryRulesSourceByItsPublishedNameNeverAFileOfOurs(String ruleId, RuleDescription rule,
            GuidelineReference source) {
        String shown = source.cite();

        assertThat(shown).startsWith(source.document()).containsPattern(" (\\d{4}|n\\.d\\.)")
                .doesNotContainIgnoringCase(".md").doesNotContainIgnoringCase(".java").doesNotContain("docs/")
                .doesNotContainIgnoringCase("facts.md");
        assertThat(DayListAlerts.withSources(assessment(List.of(new Finding(ruleId, rule.name(), Severity.STOP, "found",
                rule.sources(), List.of(), null, false)), List.of())))
                .singleElement().asString().contains("Source: ").contains(shown);
    }
}
