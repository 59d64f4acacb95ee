package org.synovia.vetting;

import java.time.Instant;
import java.util.UUID;

import org.synovia.waitinglist.FundingStatus;

/** A recorded vetting decision: who decided what, when and why. Never changed once written. */
public record VettingDecision(UUID id, UUID referralId, Outcome outcome, RejectionReason reasonCode, String reasonText,
        Protocol protocol, String policySet, String policyFindings, FundingStatus fundingStatus, String safetyOverrides,
        String decidedBy, Instant decidedAt) {

    public enum Outcome { ACCEPTED, REJECTED, MORE_INFORMATION }
}
