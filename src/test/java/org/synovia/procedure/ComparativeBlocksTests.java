package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.procedure.ComparativeBlocks.Block;
import org.synovia.procedure.ComparativeBlocks.Concordance;
import org.synovia.procedure.ComparativeBlocks.Conclusion;
import org.synovia.procedure.ComparativeBlocks.DurationFit;
import org.synovia.procedure.ComparativeBlocks.Target;
import org.synovia.safety.InjectedAgent;

class ComparativeBlocksTests {

    private static final Target LEFT_L4_5 = new Target("FACET_LUMBAR", "LEFT", "L4/5");

    private static Block block(String label, int relief, Integer lastedMinutes, InjectedAgent anaesthetic) {
        return new Block(label, LEFT_L4_5, relief, lastedMinutes, anaesthetic);
    }

    /** Lidocaine first, bupivacaine second; a blank duration is not yet known. */
    @ParameterizedTest(name = "[{index}] {0}% / {2}%, lasted {1} / {3} min: {4}, {5}")
    @CsvSource(textBlock = """
            80, 90,  80, 300, CONCORDANT,    POSITIVE_DUAL
            79, 90,  80, 300, CONCORDANT,    POSITIVE_CONSENSUS
            80, 90,  79, 300, CONCORDANT,    POSITIVE_CONSENSUS
            81, 90,  81, 300, CONCORDANT,    POSITIVE_DUAL
            80, 300, 80, 90,  DISCORDANT,    POSITIVE_CONSENSUS
            80, 90,  80,    , NOT_YET_KNOWN, POSITIVE_CONSENSUS
            80,   ,  80, 300, NOT_YET_KNOWN, POSITIVE_CONSENSUS
            50, 90,  50, 300, CONCORDANT,    POSITIVE_CONSENSUS
            51, 90,  51, 300, CONCORDANT,    POSITIVE_CONSENSUS
            49, 90,  80, 300, CONCORDANT,    NEGATIVE
            80, 90,  49, 300, CONCORDANT,    NEGATIVE
            49, 90,  49,    , NOT_YET_KNOWN, NEGATIVE
            50, 150, 50, 200, CONCORDANT,    POSITIVE_CONSENSUS
            85, 150, 85, 200, CONCORDANT,    POSITIVE_DUAL
            85, 200, 85, 200, DISCORDANT,    POSITIVE_CONSENSUS
            """)
    void readsBothCriteriaAtUnderAndOverEachThresholdWithEachDuration(int firstRelief, Integer firstLasted,
            int secondRelief, Integer secondLasted, Concordance concordance, Conclusion conclusion) {
        var reading = ComparativeBlocks.read(block("First block", firstRelief, firstLasted, InjectedAgent.LIDOCAINE),
                block("Second block", secondRelief, secondLasted, InjectedAgent.BUPIVACAINE), ReliefThresholds.PUBLISHED);

        assertThat(reading.concordance()).isEqualTo(concordance);
        assertThat(reading.conclusion()).isEqualTo(conclusion);
        assertThat(reading.lines()).anySatisfy(l -> assertThat(l).startsWith("≥ 80% on both blocks").contains("DX-02"))
                .anySatisfy(l -> assertThat(l).startsWith("≥ 50% on both blocks").contains("DX-01"));
        assertThat(reading.lines().getLast()).contains(switch (conclusion) {
            case POSITIVE_DUAL -> "positive dual comparative block (SIS/CMS criterion, DX-02)";
            case POSITIVE_CONSENSUS -> "positive by the ≥ 50% consensus threshold (DX-01) — a single positive block may suffice";
            case NEGATIVE -> "negative";
        });
        if (concordance == Concordance.NOT_YET_KNOWN) {
            assertThat(String.join("\n", reading.lines())).contains("duration not yet known").doesNotContain("discordant");
        }
    }

    @ParameterizedTest(name = "[{index}] {0} lasting {1} min is {2}")
    @CsvSource(textBlock = """
            LIDOCAINE,        59,  SHORTER
            LIDOCAINE,        60,  WITHIN
            LIDOCAINE,        120, WITHIN
            LIDOCAINE,        121, LONGER
            BUPIVACAINE,      239, SHORTER
            BUPIVACAINE,      240, WITHIN
            BUPIVACAINE,      480, WITHIN
            LEVOBUPIVACAINE,  241, WITHIN
            LEVOBUPIVACAINE,  120, SHORTER
            """)
    void fitsEachDurationToItsAnaesthetic(InjectedAgent anaesthetic, int lasted, DurationFit fit) {
        assertThat(ComparativeBlocks.fit(block("Block", 80, lasted, anaesthetic))).isEqualTo(fit);
        assertThat(ComparativeBlocks.fit(block("Block", 80, null, anaesthetic))).isEqualTo(DurationFit.NOT_YET_KNOWN);
        assertThat(ComparativeBlocks.fit(block("Block", 80, lasted, null))).isEqualTo(DurationFit.NOT_YET_KNOWN);
    }

    @Test
    void sameAnaestheticTwiceIsConcordantOnlyWhenEachLastsWithinItsRange() {
        assertThat(ComparativeBlocks.read(block("A", 90, 90, InjectedAgent.LIDOCAINE),
                block("B", 90, 100, InjectedAgent.LIDOCAINE), ReliefThresholds.PUBLISHED).conclusion())
                .isEqualTo(Conclusion.POSITIVE_DUAL);
        assertThat(ComparativeBlocks.read(block("A", 90, 90, InjectedAgent.LIDOCAINE),
                block("B", 90, 300, InjectedAgent.LIDOCAINE), ReliefThresholds.PUBLISHED).concordance())
                .isEqualTo(Concordance.DISCORDANT);
    }

    private static PainScore at(int minutes, int score) {
        return new PainScore(minutes, score, Instant.EPOCH, "nurse");
    }

    @Test
    void takesTheDurationFromTheTimedScoresOnlyOnceTheReliefHasWornOff() {
        var wornOff = new PainResponse(8, List.of(at(15, 1), at(60, 2), at(120, 6)), ReliefThresholds.PUBLISHED);
        var stillRelieved = new PainResponse(8, List.of(at(15, 1), at(60, 2)), ReliefThresholds.PUBLISHED);
        var neverRelieved = new PainResponse(8, List.of(at(15, 6)), ReliefThresholds.PUBLISHED);
        var noScores = new PainResponse(8, List.of(), ReliefThresholds.PUBLISHED);

        assertThat(ComparativeBlocks.reliefLasted(wornOff)).isEqualTo(60);
        assertThat(ComparativeBlocks.reliefLasted(stillRelieved)).isNull();
        assertThat(ComparativeBlocks.reliefLasted(neverRelieved)).isZero();
        assertThat(ComparativeBlocks.reliefLasted(noScores)).isNull();
    }

    private static DrugGiven drug(String product) {
        return new DrugGiven(product, "1 mL", BigDecimal.ONE, "B1", LocalDate.of(2027, 1, 1), "perineural", "left L4/5");
    }

    @Test
    void recognisesOneLocalAnaestheticAmongTheDrugsGiven() {
        assertThat(ComparativeBlocks.anaesthetic(List.of(drug("Lidocaine 2%"), drug("Iohexol 300")))).isEqualTo(InjectedAgent.LIDOCAINE);
        assertThat(ComparativeBlocks.anaesthetic(List.of(drug("Levobupivacaine 0.5%")))).isEqualTo(InjectedAgent.LEVOBUPIVACAINE);
        assertThat(ComparativeBlocks.anaesthetic(List.of(drug("Bupivacaine 0.5%")))).isEqualTo(InjectedAgent.BUPIVACAINE);
        assertThat(ComparativeBlocks.anaesthetic(List.of(drug("Lidocaine 1%"), drug("Bupivacaine 0.25%")))).isNull();
        assertThat(ComparativeBlocks.anaesthetic(List.of(drug("Methylprednisolone acetate 40 mg/mL")))).isNull();
    }

    @Test
    void refusesTwoDifferentTargets() {
        assertThatThrownBy(() -> ComparativeBlocks.read(block("A", 90, 90, InjectedAgent.LIDOCAINE),
                new Block("B", new Target("FACET_LUMBAR", "RIGHT", "L4/5"), 90, 300, InjectedAgent.BUPIVACAINE),
                ReliefThresholds.PUBLISHED)).isInstanceOf(IllegalArgumentException.class);
    }
}
