package org.synovia.waitinglist;

/** Where an entry's funding stands; only some states allow booking and injecting. */
public enum FundingState {
    /** Funded by the commissioner's policy as vetted: nothing to wait for. */
    FUNDED("Funded", true),
    /** The patient pays; the price is told before booking. */
    SELF_PAY("Self-pay", true),
    /** Prior approval, an individual funding request or an insurer's authorisation has been granted. */
    APPROVED("Funding approved", true),
    /** Waiting for the commissioner's prior approval or individual funding request panel. */
    AWAITING_APPROVAL("Awaiting funding approval", false),
    /** Waiting for the insurer's authorisation number. */
    AWAITING_AUTHORISATION("Awaiting insurer authorisation", false),
    /** The approval's last day has passed: a new approval is needed. */
    EXPIRED("Funding approval expired", false),
    /** Funding was refused: the entry stays on the list, flagged, until a later decision or its withdrawal. */
    REFUSED("Funding refused", false);

    private final String label;
    private final boolean allowsTreatment;

    FundingState(String label, boolean allowsTreatment) {
        this.label = label;
        this.allowsTreatment = allowsTreatment;
    }

    public String label() {
        return label;
    }

    public boolean allowsTreatment() {
        return allowsTreatment;
    }
}
