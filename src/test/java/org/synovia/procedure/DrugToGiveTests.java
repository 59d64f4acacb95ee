package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;
import org.synovia.shared.InvalidInputException;

class DrugToGiveTests {

    private static DrugToGive.Row row(InjectedAgent agent, String dose, String strength, String volume) {
        return new DrugToGive.Row(agent, dose == null ? null : new BigDecimal(dose),
                strength == null ? null : new BigDecimal(strength), volume == null ? null : new BigDecimal(volume));
    }

    private static List<String> fields(InvalidInputException e) {
        return e.problems().stream().map(InvalidInputException.FieldProblem::field).toList();
    }

    @Test
    void startsFromTheProtocolWithASteroidsVolumeAtItsUsualStrength() {
        DrugToGive steroid = DrugToGive.fromProtocol(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40));
        DrugToGive anaesthetic = DrugToGive.fromProtocol(PlannedDrug.localAnaesthetic(InjectedAgent.LIDOCAINE, 1, 2));

        assertThat(steroid).isEqualTo(new DrugToGive(InjectedAgent.METHYLPREDNISOLONE_ACETATE, new BigDecimal("40.00"), null,
                new BigDecimal("1")));
        assertThat(anaesthetic).isEqualTo(new DrugToGive(InjectedAgent.LIDOCAINE, null, BigDecimal.ONE, new BigDecimal("2.0")));
        assertThat(steroid.words()).isEqualTo("methylprednisolone acetate 40 mg in 1 mL");
        assertThat(anaesthetic.words()).isEqualTo("lidocaine 1% 2 mL (20 mg)");
        assertThat(anaesthetic.product()).isEqualTo("Lidocaine 1%");
        assertThat(DrugToGive.fromProtocol(PlannedDrug.dose(InjectedAgent.DEXAMETHASONE, 4)).volumeMl()).isNull();
    }

    @Test
    void givesTheEngineALocalAnaestheticByStrengthAndVolumeAndASteroidByDose() {
        PlannedDrug bupivacaine = new DrugToGive(InjectedAgent.BUPIVACAINE, null, new BigDecimal("0.5"), new BigDecimal("20.1"))
                .forEngine();
        assertThat(bupivacaine.resolvedDoseMg()).isEqualTo(100.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(new DrugToGive(InjectedAgent.TRIAMCINOLONE_HEXACETONIDE, new BigDecimal("20"), null, BigDecimal.ONE)
                .forEngine().resolvedDoseMg()).isEqualTo(20.0);
    }

    @Test
    void leavesEmptyRowsOutAndKeepsTheOthersInOrder() {
        List<DrugToGive> drugs = DrugToGive.checked(Arrays.asList(row(null, null, null, null),
                row(InjectedAgent.BUPIVACAINE, null, "0.5", "10"), null, row(InjectedAgent.DEXAMETHASONE, "4", null, "1")));

        assertThat(drugs).extracting(DrugToGive::agent).containsExactly(InjectedAgent.BUPIVACAINE, InjectedAgent.DEXAMETHASONE);
    }

    @ParameterizedTest(name = "{0} mL → refused {1}")
    @CsvSource({"0, true", "0.01, false", "30, false", "30.01, true", "-1, true"})
    void refusesAVolumeOutsideZeroToThirtyMillilitres(String volume, boolean refused) {
        var rows = List.of(row(InjectedAgent.LIDOCAINE, null, "1", volume));
        if (refused) {
            assertThatThrownBy(() -> DrugToGive.checked(rows)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(fields(e)).containsExactly("drugs[0].volumeMl"));
        }
        else {
            assertThat(DrugToGive.checked(rows)).hasSize(1);
        }
    }

    @Test
    void refusesEachProblemBesideItsField() {
        var rows = List.of(row(InjectedAgent.METHYLPREDNISOLONE_ACETATE, null, "1", "1"),
                row(InjectedAgent.LIDOCAINE, "20", null, "2"), row(null, "40", null, null));

        assertThatThrownBy(() -> DrugToGive.checked(rows)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(fields(e)).containsExactly("drugs[0].strengthPercent", "drugs[0].doseMg", "drugs[1].strengthPercent",
                    "drugs[1].doseMg", "drugs[2].agent");
            assertThat(e.problems().get(1).message()).isEqualTo("Enter the dose of methylprednisolone acetate in mg.");
            assertThat(e.problems().get(3).message()).contains("follows from its strength and volume");
        });
        assertThatThrownBy(() -> DrugToGive.checked(List.of(row(null, null, null, null))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Give the drugs about to be given.");
    }

    @Test
    void readsTenAndTenPointZeroZeroAsOneVolume() {
        assertThat(new DrugToGive(InjectedAgent.LIDOCAINE, null, BigDecimal.ONE, new BigDecimal("10")))
                .isEqualTo(new DrugToGive(InjectedAgent.LIDOCAINE, null, new BigDecimal("1.00"), new BigDecimal("10.00")));
    }
}
