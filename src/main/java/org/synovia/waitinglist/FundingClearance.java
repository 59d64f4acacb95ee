package org.synovia.waitinglist;

import java.time.LocalDate;

/**
 * Whether an entry may be booked and injected as far as money goes, and the sentence that says why (ADR 0072):
 * what vetting's commissioning policy found, who pays, and the latest decision recorded for that payer. Pure: it
 * takes the facts and the day, and is the one place the gate's rules live (booking, the planner, freed-slot
 * offers, patients' links and the procedure day all ask it).
 */
public record FundingClearance(FundingState state, String sentence, FundingStatus required, Payer payer,
        String insurerName, FundingDecision latest) {

    /**
     * The state of an entry on {@code day}. A decision counts only for the payer it was made for; an approval counts
     * up to its expiry; a refusal stands until a later approval. A policy that found nothing unmet needs no decision
     * when the NHS pays; an insurer always needs its authorisation.
     */
    public static FundingClearance of(FundingStatus required, Payer payer, String insurerName, FundingDecision latest,
            LocalDate day) {
        FundingDecision decision = latest != null && latest.payer() == payer ? latest : null;
        return switch (payer) {
            case SELF_PAY -> new FundingClearance(FundingState.SELF_PAY, "The patient pays for this procedure.",
                    required, payer, insurerName, decision);
            case INSURER -> decided(decision, day, FundingState.AWAITING_AUTHORISATION, "Waiting for "
                    + (insurerName == null ? "the insurer" : insurerName) + "'s authorisation number.", required, payer,
                    insurerName);
            case NHS -> required == FundingStatus.FUNDED
                    ? new FundingClearance(FundingState.FUNDED, "Funded under the commissioning policy applied at vetting.",
                            required, payer, insurerName, decision)
                    : decided(decision, day, FundingState.AWAITING_APPROVAL, "Waiting for the commissioner's decision: "
                            + required.label().toLowerCase() + ".", required, payer, insurerName);
        };
    }

    private static FundingClearance decided(FundingDecision decision, LocalDate day, FundingState awaiting,
            String awaitingSentence, FundingStatus required, Payer payer, String insurerName) {
        if (decision == null) {
            return new FundingClearance(awaiting, awaitingSentence, required, payer, insurerName, null);
        }
        if (decision.outcome() == FundingDecision.Outcome.REFUSED) {
            return new FundingClearance(FundingState.REFUSED, "Funding refused on " + decision.decidedOn() + ": "
                    + decision.reason(), required, payer, insurerName, decision);
        }
        if (decision.expiredBy(day)) {
            return new FundingClearance(FundingState.EXPIRED, "The approval " + decision.reference() + " ran out on "
                    + decision.expiresOn() + ": record a new approval first.", required, payer, insurerName, decision);
        }
        return new FundingClearance(FundingState.APPROVED, "Approved on " + decision.decidedOn() + ", reference "
                + decision.reference() + (decision.expiresOn() == null ? "" : ", valid to " + decision.expiresOn()) + ".",
                required, payer, insurerName, decision);
    }

    public boolean allowsTreatment() {
        return state.allowsTreatment();
    }

    /**
     * Whether treatment on a later {@code day} is covered: the approval must not have run out by then. A state that
     * allows treatment today but not on that day says why in {@link #refusalOn}.
     */
    public boolean allowsTreatmentOn(LocalDate day) {
        return allowsTreatment() && (state != FundingState.APPROVED || !latest.expiredBy(day));
    }

    /** Why treatment on {@code day} is refused, in words for the clerk or the operator; null when it is allowed. */
    public String refusalOn(LocalDate day) {
        if (allowsTreatmentOn(day)) {
            return null;
        }
        if (allowsTreatment()) {
            return "The funding approval " + latest.reference() + " runs out on " + latest.expiresOn()
                    + ", before " + day + ": choose an earlier day or record a new approval.";
        }
        return state.label() + ": " + sentence + " It cannot be booked or injected until funding is approved.";
    }

    /** The last day an approval covers, or null when it has no end. */
    public LocalDate coveredUntil() {
        return state == FundingState.APPROVED ? latest.expiresOn() : null;
    }
}
