package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.InjectedAgent;

class GivenAgainstTimeOutTests {

    private static final List<DrugToGive> CHECKED = List.of(
            new DrugToGive(InjectedAgent.METHYLPREDNISOLONE_ACETATE, new BigDecimal("40"), null, BigDecimal.ONE),
            new DrugToGive(InjectedAgent.BUPIVACAINE, null, new BigDecimal("0.5"), new BigDecimal("10")));

    private static DrugGiven given(String product, String volume) {
        return new DrugGiven(product, "as drawn", new BigDecimal(volume), "B1", LocalDate.of(2027, 1, 1), "intra-articular",
                "left knee");
    }

    @ParameterizedTest(name = "{0} {1} mL and {2} {3} mL → {4}")
    @CsvSource(delimiter = '|', value = {
            "Depo-Medrone 40 mg/mL | 1 | Bupivacaine 0.5% | 10 | ",
            "Depo-Medrone 40 mg/mL | 1 | Bupivacaine 0.5% | 10.00 | ",
            "Depo-Medrone 40 mg/mL | 1 | Bupivacaine 0.5% | 12 | bupivacaine 12 mL given, 10 mL checked",
            "Depo-Medrone 40 mg/mL | 1 | Bupivacaine 0.5% | 9.5 | bupivacaine 9.5 mL given, 10 mL checked",
            "Depo-Medrone 40 mg/mL | 1 | Bupivacaine 0.25% | 10 | bupivacaine 0.25% given, 0.5% checked",
            "Triamcinolone hexacetonide 20 mg/mL | 1 | Bupivacaine 0.5% | 10 | triamcinolone hexacetonide given (1 mL) but not checked; methylprednisolone acetate checked but not recorded as given",
            "Saline flush | 1 | Bupivacaine 0.5% | 10 | \u201cSaline flush\u201d given: not a drug the safety checks know, so not checked; methylprednisolone acetate checked but not recorded as given"})
    void showsEveryDifferenceBetweenTheRecordAndTheTimeOutInOneLine(String steroid, String steroidMl, String anaesthetic,
            String anaestheticMl, String expected) {
        List<String> lines = GivenAgainstTimeOut.lines(CHECKED, List.of(given(steroid, steroidMl), given(anaesthetic, anaestheticMl)));

        if (expected == null) {
            assertThat(lines).isEmpty();
        }
        else {
            assertThat(lines).containsExactly(GivenAgainstTimeOut.PREFIX + expected);
        }
    }
}
