package org.synovia.waitinglist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FundingClearanceTests {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 12);

    /**
     * The gate's whole table: what vetting found, who pays, the latest decision (payer it was made for, outcome,
     * expiry as days from today), and whether booking or injecting today is allowed.
     */
    @ParameterizedTest(name = "{0}, {1}, latest {2}/{3} expiring {4} → {5}")
    @CsvSource(nullValues = "-", value = {
            "FUNDED,                     NHS,      -,        -,        -,  FUNDED,                 true",
            "FUNDED,                     SELF_PAY, -,        -,        -,  SELF_PAY,               true",
            "PRIOR_APPROVAL_REQUIRED,    SELF_PAY, -,        -,        -,  SELF_PAY,               true",
            "PRIOR_APPROVAL_REQUIRED,    NHS,      -,        -,        -,  AWAITING_APPROVAL,      false",
            "INDIVIDUAL_FUNDING_REQUEST, NHS,      -,        -,        -,  AWAITING_APPROVAL,      false",
            "PRIOR_APPROVAL_REQUIRED,    NHS,      NHS,      APPROVED, -,  APPROVED,               true",
            "INDIVIDUAL_FUNDING_REQUEST, NHS,      NHS,      APPROVED, 0,  APPROVED,               true",
            "INDIVIDUAL_FUNDING_REQUEST, NHS,      NHS,      APPROVED, -1, EXPIRED,                false",
            "PRIOR_APPROVAL_REQUIRED,    NHS,      NHS,      REFUSED,  -,  REFUSED,                false",
            "PRIOR_APPROVAL_REQUIRED,    NHS,      INSURER,  APPROVED, -,  AWAITING_APPROVAL,      false",
            "FUNDED,                     INSURER,  -,        -,        -,  AWAITING_AUTHORISATION, false",
            "FUNDED,                     INSURER,  NHS,      APPROVED, -,  AWAITING_AUTHORISATION, false",
            "FUNDED,                     INSURER,  INSURER,  APPROVED, 30, APPROVED,               true",
            "FUNDED,                     INSURER,  INSURER,  REFUSED,  -,  REFUSED,                false"})
    void decidesFromThePolicyThePayerAndTheLatestDecisionForThatPayer(FundingStatus required, Payer payer,
            Payer decidedFor, FundingDecision.Outcome outcome, Integer expiresInDays, FundingState state, boolean allowed) {
        FundingDecision latest = decidedFor == null ? null : decision(decidedFor, outcome,
                expiresInDays == null ? null : TODAY.plusDays(expiresInDays));
        FundingClearance clearance = FundingClearance.of(required, payer, "Example Health", latest, TODAY);

        assertThat(clearance.state()).isEqualTo(state);
        assertThat(clearance.allowsTreatment()).isEqualTo(allowed);
        assertThat(clearance.refusalOn(TODAY) == null).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "approval to today+{0}, treatment on today+{1} → {2}")
    @CsvSource({"10, 9, true", "10, 10, true", "10, 11, false"})
    void coversTreatmentUpToTheApprovalsLastDayAndNotAfter(int lastDay, int treatmentDay, boolean allowed) {
        FundingClearance clearance = FundingClearance.of(FundingStatus.PRIOR_APPROVAL_REQUIRED, Payer.NHS, null,
                decision(Payer.NHS, FundingDecision.Outcome.APPROVED, TODAY.plusDays(lastDay)), TODAY);

        assertThat(clearance.allowsTreatmentOn(TODAY.plusDays(treatmentDay))).isEqualTo(allowed);
        assertThat(clearance.coveredUntil()).isEqualTo(TODAY.plusDays(lastDay));
        if (!allowed) {
            assertThat(clearance.refusalOn(TODAY.plusDays(treatmentDay))).contains("PA-123").contains("runs out on");
        }
    }

    @Test
    void namesTheStateAndTheReasonWhenRefused() {
        FundingClearance awaiting = FundingClearance.of(FundingStatus.INDIVIDUAL_FUNDING_REQUEST, Payer.NHS, null, null, TODAY);
        assertThat(awaiting.refusalOn(TODAY)).startsWith("Awaiting funding approval")
                .contains("individual funding request needed").contains("cannot be booked or injected");

        FundingClearance refused = FundingClearance.of(FundingStatus.INDIVIDUAL_FUNDING_REQUEST, Payer.NHS, null,
                decision(Payer.NHS, FundingDecision.Outcome.REFUSED, null), TODAY);
        assertThat(refused.refusalOn(TODAY)).startsWith("Funding refused").contains("Criteria not met");

        FundingClearance insurer = FundingClearance.of(FundingStatus.FUNDED, Payer.INSURER, "Example Health", null, TODAY);
        assertThat(insurer.refusalOn(TODAY)).contains("Example Health's authorisation number");
    }

    private static FundingDecision decision(Payer payer, FundingDecision.Outcome outcome, LocalDate expiresOn) {
        boolean approved = outcome == FundingDecision.Outcome.APPROVED;
        return new FundingDecision(UUID.randomUUID(), UUID.randomUUID(), payer, outcome, approved ? "PA-123" : null,
                TODAY.minusDays(20), expiresOn, approved ? null : "Criteria not met", Instant.EPOCH, "admin", "Ada Admin");
    }
}
