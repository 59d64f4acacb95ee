package org.synovia.waitinglist;

/** Whether the injection may be booked as funded, or needs the commissioner's approval first. */
public enum FundingStatus {
    FUNDED("Funded"),
    PRIOR_APPROVAL_REQUIRED("Prior approval needed"),
    INDIVIDUAL_FUNDING_REQUEST("Individual funding request needed");

    private final String label;

    FundingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
