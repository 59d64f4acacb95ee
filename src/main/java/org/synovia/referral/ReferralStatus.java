package org.synovia.referral;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a referral is on its way from submission to the injection. A referral is never deleted: it
 * ends done, rejected or withdrawn.
 */
public enum ReferralStatus implements Labelled {
    SUBMITTED("Submitted"),
    IN_VETTING("In vetting"),
    MORE_INFORMATION_REQUESTED("More information asked"),
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    WAITING("Waiting list"),
    BOOKED("Booked"),
    DONE("Done"),
    WITHDRAWN("Withdrawn");

    private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = Map.of(
            SUBMITTED, EnumSet.of(IN_VETTING, ACCEPTED, REJECTED, MORE_INFORMATION_REQUESTED, WITHDRAWN),
            IN_VETTING, EnumSet.of(ACCEPTED, REJECTED, MORE_INFORMATION_REQUESTED, WITHDRAWN),
            MORE_INFORMATION_REQUESTED, EnumSet.of(IN_VETTING, WITHDRAWN),
            ACCEPTED, EnumSet.of(WAITING, WITHDRAWN),
            WAITING, EnumSet.of(BOOKED, WITHDRAWN),
            BOOKED, EnumSet.of(WAITING, DONE, WITHDRAWN),
            REJECTED, EnumSet.noneOf(ReferralStatus.class),
            DONE, EnumSet.noneOf(ReferralStatus.class),
            WITHDRAWN, EnumSet.noneOf(ReferralStatus.class));

    private final String label;

    ReferralStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean canMoveTo(ReferralStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
