package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.synovia.safety.GuidelineReference;
import org.synovia.safety.LocalPolicy;
import org.synovia.safety.RuleDescription;

/**
 * The rule catalogue in {@code docs/clinical-safety/rules.md} is rendered from the code and must match
 * it; every rule has a source citing fact rows of the source register and a {@code <Rule>Tests} class.
 */
class RuleCatalogueTests {

    private static final Path COMMITTED = Path.of("docs/clinical-safety/rules.md");
    private static final Path FRESH = Path.of("target/clinical-safety/rules.md");
    private static final String UPDATE_PROPERTY = "synovia.docs.update";
    private static final Pattern CITED_ID = Pattern.compile("\\b(?:[A-Z]{2}-\\d{2}|S\\d{1,2}[a-c]?)\\b");

    @Test
    void keepsTheCommittedCatalogueInStepWithTheCode() throws IOException {
        String rendered = render();
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, rendered, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!committed.equals(rendered)) {
            Files.createDirectories(FRESH.getParent());
            Files.writeString(FRESH, rendered, StandardCharsets.UTF_8);
            fail(COMMITTED + " is stale. A fresh copy is in " + FRESH + ". Review it, then update with: "
                    + "./mvnw -q -B test -Dtest=RuleCatalogueTests -D" + UPDATE_PROPERTY + "=true");
        }
    }

    @Test
    void givesEveryRuleAUniqueIdAndASourceCitingFactRows() {
        Set<String> ids = new HashSet<>();
        for (SafetyRule rule : SafetyEngine.rules()) {
            assertThat(rule.id()).as(rule.getClass().getSimpleName()).matches("SAF-\\d{3}");
            assertThat(ids.add(rule.id())).as("duplicate id " + rule.id()).isTrue();
            assertThat(rule.name()).isNotBlank();
            assertThat(rule.summary()).isNotBlank();
            assertThat(rule.sources()).as(rule.id() + " sources").isNotEmpty();
            rule.sources().forEach(source -> assertThat(source.factRows()).as(rule.id())
                    .allMatch(row -> row.matches("[A-Z]{2}-\\d{2}")));
            assertThat(rule.thresholds(LocalPolicy.defaults())).as(rule.id() + " thresholds").isNotEmpty();
        }
    }

    @Test
    void givesEveryRuleItsOwnTestClass() {
        for (SafetyRule rule : SafetyEngine.rules()) {
            String testClass = rule.getClass().getName() + "Tests";
            try {
                Class.forName(testClass);
            } catch (ClassNotFoundException e) {
                fail(rule.id() + " " + rule.getClass().getSimpleName() + " has no test class " + testClass);
            }
        }
    }

    static String render() {
        LocalPolicy policy = LocalPolicy.defaults();
        StringBuilder out = new StringBuilder();
        out.append("# Clinical safety rule catalogue\n\n")
                .append("Generated from the code by `RuleCatalogueTests` (module `org.synovia.safety`); do not edit by hand.\n")
                .append("Regenerate with `./mvnw -q -B test -Dtest=RuleCatalogueTests -D").append(UPDATE_PROPERTY)
                .append("=true`. Row and source ids (e.g. `AC-25`, `S2`) link to the [clinical source register](sources.md). Thresholds are shown under the\n")
                .append("default local policy; the page `/safety/rules` shows those in force.\n\n")
                .append("| Id | Rule | Severity | Checks | Sources | Thresholds |\n|---|---|---|---|---|---|\n");
        for (RuleDescription rule : SafetyEngine.catalogue(policy)) {
            out.append("| ").append(rule.id()).append(" | ").append(rule.name()).append(" | ").append(rule.severity())
                    .append(" | ").append(cell(rule.summary())).append(" | ")
                    .append(rule.sources().stream().map(GuidelineReference::cite).map(RuleCatalogueTests::cell)
                            .map(RuleCatalogueTests::linked).collect(Collectors.joining("<br>")))
                    .append(" | ").append(rule.thresholds().stream().map(RuleCatalogueTests::cell)
                            .map(RuleCatalogueTests::linked).collect(Collectors.joining("<br>")))
                    .append(" |\n");
        }
        out.append("\n## Local-policy defaults ([where sources disagree](sources.md#11-where-sources-disagree))\n\n");
        policy.describe().forEach(line -> out.append("- `").append(line, 0, line.indexOf(' ')).append("`")
                .append(linked(line.substring(line.indexOf(' ')))).append('\n'));
        return out.toString();
    }

    /** Links each fact row ("AC-27") and source id ("S2b") to its entry in the source register. */
    private static String linked(String text) {
        return CITED_ID.matcher(text).replaceAll(id -> "[" + id.group() + "](sources.md#"
                + id.group().toLowerCase(Locale.ROOT) + ")");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
