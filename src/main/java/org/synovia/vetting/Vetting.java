package org.synovia.vetting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.catalogue.Catalogue;
import org.synovia.catalogue.InjectionSite;
import org.synovia.catalogue.ProtocolTemplate;
import org.synovia.referral.Intent;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralSummary;
import org.synovia.referral.Referrals;
import org.synovia.referral.RequestedInjectate;
import org.synovia.referral.Urgency;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.vetting.policy.CommissioningPolicies;
import org.synovia.vetting.policy.PolicyCase;
import org.synovia.waitinglist.FundingStatus;
import org.synovia.waitinglist.NewWaitingListEntry;
import org.synovia.waitinglist.Priority;
import org.synovia.waitinglist.WaitingList;

/**
 * The vetting radiologist's work: the queue, the review of one referral with its policy findings and
 * a proposed protocol, and the three decisions. Each decision is recorded with who, when and why.
 */
@Service
@PreAuthorize("hasRole('RADIOLOGIST')")
public class Vetting {

    static final String RECORD_TYPE = "VettingDecision";
    /** An injection at least this long before a planned replacement of the same joint (facts RI-10, CI-13). */
    static final int MONTHS_BEFORE_JOINT_REPLACEMENT = 3;

    private final Referrals referrals;
    private final Catalogue catalogue;
    private final WaitingList waitingList;
    private final VettingRepository repository;
    private final VettingProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    Vetting(Referrals referrals, Catalogue catalogue, WaitingList waitingList, VettingRepository repository,
            VettingProperties properties, AuditTrail audit, Clock clock) {
        this.referrals = referrals;
        this.catalogue = catalogue;
        this.waitingList = waitingList;
        this.repository = repository;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ReferralSummary> queue() {
        return referrals.vettingQueue();
    }

    @Transactional
    public VettingReview review(ReferralId id, String policySetName) {
        Referral referral = referrals.show(id);
        InjectionSite site = catalogue.site(referral.details().siteCode()).orElseThrow();
        String setName = policySetName == null || policySetName.isBlank() ? properties.defaultPolicySet() : policySetName;
        Protocol proposed = proposedProtocol(referral, site);
        return new VettingReview(referral, site, setName, policySetLabels(),
                policyFindings(referral, site, proposed.guidance(), setName), proposed,
                repository.forReferral(id.value()), referrals.informationRequests(id));
    }

    /**
     * Accepts the referral with its protocol and puts it on the waiting list. Failing policy rules set the
     * funding status the list shows (prior approval, or an individual funding request when not funded).
     */
    @Transactional
    public VettingDecision accept(ReferralId id, Protocol protocol, Acceptance acceptance) {
        protocol.validated();
        Referral referral = referrals.show(id);
        InjectionSite site = catalogue.site(referral.details().siteCode()).orElseThrow();
        if (!site.offers(protocol.guidance())) {
            throw new InvalidInputException("guidance", site.name() + " is not injected under "
                    + protocol.guidance().label().toLowerCase() + " in this service.");
        }
        String setName = acceptance.policySet() == null || acceptance.policySet().isBlank()
                ? properties.defaultPolicySet() : acceptance.policySet();
        List<PolicyFinding> findings = policyFindings(referral, site, protocol.guidance(), setName);
        FundingStatus funding = fundingStatus(findings);
        LocalDate today = LocalDate.now(clock);
        List<String> constraints = new ArrayList<>();
        LocalDate latest = null;
        if (acceptance.plannedJointReplacement() != null) {
            if (!acceptance.plannedJointReplacement().isAfter(today)) {
                throw new InvalidInputException("plannedJointReplacement", "The planned replacement date must be in the future.");
            }
            latest = acceptance.plannedJointReplacement().minusMonths(MONTHS_BEFORE_JOINT_REPLACEMENT);
            constraints.add("Not after " + latest + ": at least " + MONTHS_BEFORE_JOINT_REPLACEMENT
                    + " months before the planned joint replacement on " + acceptance.plannedJointReplacement()
                    + " (facts RI-10, CI-13).");
            if (latest.isBefore(today)) {
                throw new InvalidInputException("plannedJointReplacement", "The planned replacement is less than "
                        + MONTHS_BEFORE_JOINT_REPLACEMENT + " months away: injecting now raises the risk of prosthetic joint "
                        + "infection (facts RI-10). Reject, or ask the surgeon to reconsider the date.");
            }
        }
        VettingDecision decision = new VettingDecision(UUID.randomUUID(), id.value(), VettingDecision.Outcome.ACCEPTED, null,
                blankToNull(acceptance.note()), protocol, setName, describe(findings), funding, null, CurrentUser.username(),
                clock.instant());
        repository.insert(decision);
        referrals.accept(id, "accepted: " + protocol.guidance().label() + ", " + protocol.priority().label().toLowerCase()
                + (funding == FundingStatus.FUNDED ? "" : "; " + funding.label().toLowerCase()));
        ZoneId zone = clock.getZone();
        waitingList.add(new NewWaitingListEntry(id.value(), referral.details().patientId(), site.code(), protocol.guidance(),
                protocol.priority(), referral.details().intent() == Intent.DIAGNOSTIC,
                LocalDate.ofInstant(referral.submittedAt(), zone), today, latest, constraints, funding,
                protocol.operatorGrade(), protocol.oneStopEligible()));
        audit.record(AuditAction.CREATE, RECORD_TYPE, decision.id(), referral.details().patientId(), "accepted");
        return decision;
    }

    @Transactional
    public VettingDecision reject(ReferralId id, RejectionReason reason, String text) {
        if (reason == null) {
            throw new InvalidInputException("reasonCode", "Choose the reason for rejecting.");
        }
        String explanation = blankToNull(text);
        if (explanation == null) {
            throw new InvalidInputException("reasonText", "Explain the decision to the referrer.");
        }
        Referral referral = referrals.show(id);
        VettingDecision decision = new VettingDecision(UUID.randomUUID(), id.value(), VettingDecision.Outcome.REJECTED, reason,
                explanation, null, null, null, null, null, CurrentUser.username(), clock.instant());
        repository.insert(decision);
        referrals.reject(id, reason.label() + ": " + explanation);
        audit.record(AuditAction.CREATE, RECORD_TYPE, decision.id(), referral.details().patientId(), "rejected " + reason);
        return decision;
    }

    @Transactional
    public VettingDecision askForInformation(ReferralId id, String question) {
        Referral referral = referrals.show(id);
        referrals.requestInformation(id, question);
        VettingDecision decision = new VettingDecision(UUID.randomUUID(), id.value(), VettingDecision.Outcome.MORE_INFORMATION,
                null, question.strip(), null, null, null, null, null, CurrentUser.username(), clock.instant());
        repository.insert(decision);
        audit.record(AuditAction.CREATE, RECORD_TYPE, decision.id(), referral.details().patientId(), "asked for information");
        return decision;
    }

    private List<PolicyFinding> policyFindings(Referral referral, InjectionSite site, Guidance guidance, String setName) {
        VettingProperties.PolicySet set;
        try {
            set = properties.policySet(setName);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException("policySet", "There is no policy set called '" + setName + "'.");
        }
        return CommissioningPolicies.evaluate(new PolicyCase(referral.details(), site, guidance, set, LocalDate.now(clock)));
    }

    static FundingStatus fundingStatus(List<PolicyFinding> findings) {
        if (findings.stream().anyMatch(f -> !f.met() && f.action() == PolicyAction.NOT_FUNDED)) {
            return FundingStatus.INDIVIDUAL_FUNDING_REQUEST;
        }
        if (findings.stream().anyMatch(f -> !f.met() && f.action() == PolicyAction.PRIOR_APPROVAL)) {
            return FundingStatus.PRIOR_APPROVAL_REQUIRED;
        }
        return FundingStatus.FUNDED;
    }

    private Map<String, String> policySetLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        properties.policySets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> labels.put(e.getKey(), e.getValue().label()));
        return labels;
    }

    private static String describe(List<PolicyFinding> findings) {
        return findings.stream().map(f -> f.ruleId() + " " + (f.met() ? "met" : "not met (" + f.action() + ")") + ": " + f.sentence())
                .collect(Collectors.joining("\n"));
    }

    /** The site's template, shaped by what the referrer asked for. */
    static Protocol proposedProtocol(Referral referral, InjectionSite site) {
        RequestedInjectate requested = referral.details().requestedInjectate();
        boolean steroid = requested != RequestedInjectate.LOCAL_ANAESTHETIC_ONLY && requested != RequestedInjectate.HYALURONAN;
        ProtocolTemplate template = ProtocolTemplate.forSite(site, steroid, referral.details().intent() != Intent.THERAPEUTIC);
        String anaesthetic = template.localAnaesthetic() + " " + template.localAnaestheticPercent().stripTrailingZeros().toPlainString() + "%";
        return new Protocol(template.guidance(), null, template.corticosteroid(), template.corticosteroidDoseMg(), anaesthetic,
                template.localAnaestheticMl(), template.contrast(), "CONSULTANT", null, template.slotMinutes(),
                priorityFor(referral.details().urgency()), template.oneStopEligible());
    }

    static Priority priorityFor(Urgency urgency) {
        return switch (urgency) {
            case URGENT -> Priority.URGENT;
            case SOON -> Priority.SOON;
            case ROUTINE -> Priority.ROUTINE;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
