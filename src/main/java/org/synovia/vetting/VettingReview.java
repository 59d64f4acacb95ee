package org.synovia.vetting;

import java.util.List;
import java.util.Map;

import org.synovia.catalogue.InjectionSite;
import org.synovia.referral.InformationRequest;
import org.synovia.referral.Referral;

/** Everything a radiologist needs to vet one referral. */
public record VettingReview(Referral referral, InjectionSite site, String policySet, Map<String, String> policySets,
        List<PolicyFinding> policyFindings, Protocol proposedProtocol, SafetyReview safety,
        List<VettingDecision> decisions, List<InformationRequest> informationRequests) {

    /** The funding the policy leaves the referral needing: accepting it unfunded is confirmed first (ADR 0072). */
    public org.synovia.waitinglist.FundingStatus fundingNeeded() {
        return Vetting.fundingStatus(policyFindings);
    }

    public boolean policyMet() {
        return policyFindings.stream().allMatch(f -> f.met() || f.action() == PolicyAction.ADVISORY);
    }
}
