package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.synovia.safety.InjectedAgent;
import org.synovia.shared.Guidance;

class AgainstProtocolTests {

    private static final List<DrugToGive> PROTOCOL_DRUGS = List.of(
            new DrugToGive(InjectedAgent.METHYLPREDNISOLONE_ACETATE, new BigDecimal("40"), null, BigDecimal.ONE));

    private static ProcedureRecord record(Guidance guidance, String approach, String volumeMl) {
        ProcedureRecord r = ProcedureRecordTests.record(guidance, LocalDate.of(2027, 6, 30), null, null);
        return new ProcedureRecord(r.operator(), r.assistant(), guidance, approach, r.needle(), null, null, null,
                List.of(new DrugGiven("Methylprednisolone acetate 40 mg/mL", "40 mg", new BigDecimal(volumeMl), "MP1234",
                        LocalDate.of(2027, 6, 30), "intra-articular", "left knee")),
                false, true, 2, null, null, null, null, null, 7, "none", true, null, null, null, null);
    }

    @Test
    void saysNothingWhenTheRecordDoesWhatTheProtocolSaid() {
        assertThat(AgainstProtocol.lines(Guidance.ULTRASOUND, "Lateral, in-plane", PROTOCOL_DRUGS,
                record(Guidance.ULTRASOUND, "lateral, in-plane ", "1"))).isEmpty();
    }

    @Test
    void namesEveryChangeWithWhatTheProtocolSaidInOneLine() {
        assertThat(AgainstProtocol.lines(Guidance.ULTRASOUND, "lateral, in-plane", PROTOCOL_DRUGS,
                record(Guidance.FLUOROSCOPY, "anterior", "2"))).containsExactly(AgainstProtocol.PREFIX
                        + "guidance " + Guidance.FLUOROSCOPY.label() + " instead of " + Guidance.ULTRASOUND.label()
                        + "; approach \u201canterior\u201d instead of \u201clateral, in-plane\u201d; "
                        + "methylprednisolone acetate 2 mL given, 1 mL in the protocol.");
    }

    @Test
    void readsAMissingApproachAsAChangeButNoApproachInTheProtocolAsNone() {
        assertThat(AgainstProtocol.lines(Guidance.ULTRASOUND, "lateral", PROTOCOL_DRUGS, record(Guidance.ULTRASOUND, null, "1")))
                .containsExactly(AgainstProtocol.PREFIX + "approach not recorded instead of \u201clateral\u201d.");
        assertThat(AgainstProtocol.lines(Guidance.ULTRASOUND, null, PROTOCOL_DRUGS, record(Guidance.ULTRASOUND, "anterior", "1")))
                .isEmpty();
    }
}
