package org.synovia.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Laterality;
import org.synovia.waitinglist.Priority;

class ProtocolTargetsTests {

    private static Protocol withTarget(Protocol.Target target) {
        return new Protocol(Guidance.ULTRASOUND, null, "Methylprednisolone acetate 40 mg/mL", new BigDecimal("40"),
                "Lidocaine 1%", new BigDecimal("1"), false, "CONSULTANT", null, 30, Priority.ROUTINE, false, List.of(target));
    }

    private static List<String> problems(Protocol protocol) {
        try {
            protocol.validated();
            return List.of();
        }
        catch (InvalidInputException e) {
            return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
        }
    }

    @ParameterizedTest(name = "{0} {1} mg, {2} {3}% {4} mL: {5}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            METHYLPREDNISOLONE_ACETATE | 20   | BUPIVACAINE | 0.5  | 12   | none
            null                       | null | LIDOCAINE   | 1    | 0.5  | none
            HYALURONAN                 | null | null        | null | null | none
            METHYLPREDNISOLONE_ACETATE | 120  | LIDOCAINE   | 2    | 30   | none
            METHYLPREDNISOLONE_ACETATE | 120.5 | null       | null | null | targets[0].corticosteroidDoseMg: Enter a dose between 0 and 120 mg.
            METHYLPREDNISOLONE_ACETATE | null | null        | null | null | targets[0].corticosteroidDoseMg: Give the corticosteroid dose in mg.
            null                       | 20   | null        | null | null | targets[0].corticosteroid: Choose the corticosteroid for this dose, or clear the dose.
            LIDOCAINE                  | 20   | null        | null | null | targets[0].corticosteroid: Choose a corticosteroid or hyaluronan here; the local anaesthetic has its own field.
            null                       | null | BUPIVACAINE | 0.5  | 30.1 | targets[0].localAnaestheticMl: Enter a volume between 0 and 30 mL.
            null                       | null | BUPIVACAINE | 0.5  | 0    | targets[0].localAnaestheticMl: Enter a volume between 0 and 30 mL.
            null                       | null | BUPIVACAINE | 0.5  | null | targets[0].localAnaestheticMl: Give the local anaesthetic volume in mL.
            null                       | null | BUPIVACAINE | null | 5    | targets[0].localAnaestheticPercent: Give the strength in %, for example 0.5.
            null                       | null | BUPIVACAINE | 2.01 | 5    | targets[0].localAnaestheticPercent: Enter a strength between 0 and 2%.
            null                       | null | HYALURONAN  | 1    | 5    | targets[0].localAnaesthetic: Choose lidocaine, bupivacaine or levobupivacaine.
            null                       | null | null        | 0.5  | 5    | targets[0].localAnaesthetic: Choose the local anaesthetic, or clear its strength and volume.
            null                       | null | null        | null | null | targets[0].localAnaesthetic: Give what is injected at this target.
            """)
    void checksEachTargetsDrugsUnderItsOwnRow(InjectedAgent steroid, BigDecimal doseMg, InjectedAgent anaesthetic,
            BigDecimal percent, BigDecimal ml, String problem) {
        Protocol protocol = withTarget(new Protocol.Target("TROCHANTERIC_BURSA", Laterality.LEFT, null, steroid, doseMg,
                anaesthetic, percent, ml));
        assertThat(problems(protocol)).containsExactlyElementsOf(problem.equals("none") ? List.of() : List.of(problem));
    }

    @ParameterizedTest(name = "{0} % {1} mL is {2} mg")
    @CsvSource({"0.5, 12, 60", "0.25, 10, 25", "1, 5, 50"})
    void givesTheEngineTheLocalAnaestheticAsStrengthAndVolume(BigDecimal percent, BigDecimal ml, double mg) {
        Protocol.Target target = new Protocol.Target("TROCHANTERIC_BURSA", Laterality.LEFT, null, null, null,
                InjectedAgent.BUPIVACAINE, percent, ml);
        assertThat(target.drugs()).singleElement().extracting(PlannedDrug::resolvedDoseMg).isEqualTo(mg);
    }

    @ParameterizedTest(name = "{0} min with {1} further targets → {2} min")
    @CsvSource({"20, 0, 20", "20, 1, 30", "30, 3, 60", "45, 3, 75", "110, 1, 120", "115, 3, 120"})
    void lengthensTheSlotByTenMinutesPerFurtherTargetUpToTheLongestSlot(int main, int further, int expected) {
        assertThat(Vetting.slotMinutes(main, further)).isEqualTo(expected);
    }
}
