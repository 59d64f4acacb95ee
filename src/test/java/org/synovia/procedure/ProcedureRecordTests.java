package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;

class ProcedureRecordTests {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    static ProcedureRecord record(Guidance guidance, LocalDate expiry, BigDecimal dap, BigDecimal dlp) {
        return new ProcedureRecord("Dr Example", "Nurse Example", guidance, "anterolateral", "21G 40 mm", null, null, null,
                List.of(new DrugGiven("Methylprednisolone acetate 40 mg/mL", "40 mg", new BigDecimal("1"), "MP1234", expiry,
                        "intra-articular", "right knee")), false, true, 2, null, dap, dap == null ? null : 30, dlp,
                dlp == null ? null : new BigDecimal("3.2"), 7, "none", true, null, null, null, null);
    }

    @ParameterizedTest(name = "[{index}] expiry {0} on {1}: accepted={2}")
    @CsvSource(textBlock = """
            2026-12-01, true
            2026-11-30, false
            2027-06-30, true
            """)
    void refusesABatchThatExpiredBeforeTheProcedureDay(LocalDate expiry, boolean accepted) {
        ProcedureRecord record = record(Guidance.ULTRASOUND, expiry, null, null);

        if (accepted) {
            assertThatCode(() -> ProcedureRecord.check(record, DAY)).doesNotThrowAnyException();
        }
        else {
            assertThatThrownBy(() -> ProcedureRecord.check(record, DAY)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("drugs[0].expiry: This batch expired on 2026-11-30");
        }
    }

    @Test
    void asksForTheDoseAreaProductUnderXRayAndTheDlpUnderCt() {
        assertThatThrownBy(() -> ProcedureRecord.check(record(Guidance.FLUOROSCOPY, DAY, null, null), DAY))
                .hasMessageContaining("dapGyCm2").hasMessageContaining("screeningSeconds").hasMessageContaining("IR-03");
        assertThatThrownBy(() -> ProcedureRecord.check(record(Guidance.CT, DAY, null, null), DAY))
                .hasMessageContaining("dlpMGyCm").hasMessageContaining("ctdiVolMGy");
        assertThatCode(() -> ProcedureRecord.check(record(Guidance.FLUOROSCOPY, DAY, new BigDecimal("1.2"), null), DAY))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProcedureRecord.check(record(Guidance.CT, DAY, null, new BigDecimal("120")), DAY))
                .doesNotThrowAnyException();
    }
}
