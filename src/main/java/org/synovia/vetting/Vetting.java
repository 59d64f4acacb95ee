package org.synovia.vetting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralSummary;
import org.synovia.referral.ReferralSafety;
import org.synovia.referral.Referrals;
import org.synovia.safety.Finding;
import org.synovia.safety.InjectedAgent;
import org.synovia.safety.PlannedDrug;
import org.synovia.safety.PlannedProcedure;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.SafetyChecks;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.SafetyOverride;
import org.synovia.safety.SafetyOverrides;
import org.synovia.safety.Severity;
import org.synovia.safety.SiteFacts;
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
    /** The rule that finds a planned replacement of the same joint too close to the injection (facts RI-10, CI-13). */
    static final String JOINT_REPLACEMENT_RULE = "SAF-024";

    private final Referrals referrals;
    private final Catalogue catalogue;
    private final WaitingList waitingList;
    private final VettingRepository repository;
    private final VettingProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReferralSafety referralSafety;
    private final SafetyChecks safety;
    private final SafetyOverrides overrides;
    private final AcceptedProtocols acceptedProtocols;
    private final org.springframework.context.ApplicationEventPublisher events;

    Vetting(Referrals referrals, Catalogue catalogue, WaitingList waitingList, VettingRepository repository,
            VettingProperties properties, AuditTrail audit, Clock clock, ReferralSafety referralSafety, SafetyChecks safety,
            SafetyOverrides overrides, AcceptedProtocols acceptedProtocols,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.overrides = overrides;
        this.acceptedProtocols = acceptedProtocols;
        this.referralSafety = referralSafety;
        this.safety = safety;
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
        return review(id, policySetName, null);
    }

    /** The review with the safety checks of an edited protocol, or of the proposed one when {@code edited} is null. */
    @Transactional
    public VettingReview review(ReferralId id, String policySetName, Protocol edited) {
        Referral referral = referrals.show(id);
        InjectionSite site = catalogue.site(referral.details().siteCode()).orElseThrow();
        String setName = policySetName == null || policySetName.isBlank() ? properties.defaultPolicySet() : policySetName;
        Protocol proposed = proposedProtocol(referral, site, catalogue);
        return new VettingReview(referral, site, setName, policySetLabels(),
                policyFindings(referral, site, proposed.guidance(), setName), proposed,
                safetyReview(referral, site, edited == null ? proposed : edited),
                repository.forReferral(id.value()), referrals.informationRequests(id));
    }

    /** The safety checks of a protocol as the radiologist edits it; nothing is saved. */
    @Transactional
    public SafetyReview recheck(ReferralId id, Protocol protocol) {
        Referral referral = referrals.show(id);
        InjectionSite site = catalogue.site(referral.details().siteCode()).orElseThrow();
        return safetyReview(referral, site, protocol);
    }

    /**
     * Asks the engine about the protocol on the day furthest ahead (what no date can fix), then day by day
     * for the earliest possible booking, and returns the assessment for that day.
     */
    SafetyReview safetyReview(Referral referral, InjectionSite site, Protocol protocol) {
        SafetyInput input = referralSafety.input(referral.details(), procedureFor(referral, site, protocol, catalogue));
        java.util.function.Function<java.time.LocalDateTime, SafetyAssessment> assessOn = start -> safety.assess(
                new SafetyInput(input.patient(), input.medicines(), input.previousInjections(), input.vaccinations(),
                        input.procedure().withStart(start)));
        LocalDate today = LocalDate.now(clock);
        SafetyAssessment far = assessOn.apply(today.plusDays(BookingWindow.HORIZON_DAYS).atTime(BookingWindow.CHECK_TIME));
        Set<String> dateIndependentStops = far.findings().stream().filter(f -> f.severity() == Severity.STOP)
                .map(Finding::ruleId).collect(Collectors.toSet());
        BookingWindow.Earliest earliest = BookingWindow.earliest(assessOn, today, dateIndependentStops,
                properties.medicationNoticeDays());
        SafetyAssessment onEarliest = earliest.date() == null ? far
                : assessOn.apply(earliest.date().atTime(BookingWindow.CHECK_TIME));
        List<Finding> needing = onEarliest.findings().stream()
                .filter(f -> f.severity() == Severity.STOP || f.justificationRequired()).toList();
        return new SafetyReview(onEarliest, earliest.date(), earliest.reasons(), needing);
    }

    /**
     * Accepts the referral with its protocol and puts it on the waiting list. Failing policy rules set the
     * funding status the list shows (prior approval, or an individual funding request when not funded).
     */
    @Transactional
    public VettingDecision accept(ReferralId id, Protocol protocol, Acceptance acceptance) {
        protocol.validated();
        Referral referral = referrals.show(id);
        checkTargetsMatch(referral, protocol);
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
        SafetyReview safetyReview = safetyReview(referral, site, protocol);
        Map<String, String> justified = justifications(safetyReview.needingJustification(), acceptance, overrides);
        if (safetyReview.earliestDate() == null) {
            throw new InvalidInputException("safety", safetyReview.earliestReasons().getFirst());
        }
        List<String> constraints = new ArrayList<>(safetyReview.earliestReasons());
        LocalDate latest = null;
        // An injection at least this long before a planned replacement of the same joint (facts RI-10, CI-13).
        int monthsBeforeReplacement = safety.policy().arthroplastyMinimumMonths();
        if (acceptance.plannedJointReplacement() != null) {
            if (!acceptance.plannedJointReplacement().isAfter(today)) {
                throw new InvalidInputException("plannedJointReplacement", "The planned replacement date must be in the future.");
            }
            latest = acceptance.plannedJointReplacement().minusMonths(monthsBeforeReplacement);
            constraints.add("Not after " + latest + ": at least " + monthsBeforeReplacement
                    + " months before the planned joint replacement on " + acceptance.plannedJointReplacement()
                    + " (facts RI-10, CI-13).");
            if (latest.isBefore(today)) {
                throw new InvalidInputException("plannedJointReplacement", "The planned replacement is less than "
                        + monthsBeforeReplacement + " months away: injecting now raises the risk of prosthetic joint "
                        + "infection (facts RI-10). Reject, or ask the surgeon to reconsider the date.");
            }
        }
        if (latest != null && safetyReview.earliestDate().isAfter(latest)) {
            throw new InvalidInputException("plannedJointReplacement", "The earliest safe day, " + safetyReview.earliestDate()
                    + ", is after the latest day before the planned replacement, " + latest + " (facts RI-10).");
        }
        // Last of the checks, so that the form shows every other problem first (ADR 0072).
        if (funding != FundingStatus.FUNDED && !acceptance.unfundedConfirmed()) {
            throw new InvalidInputException("confirmUnfunded", "The commissioning policy does not fund this referral as "
                    + "it stands (" + funding.label().toLowerCase() + "). Tick to confirm you accept it: the patient waits "
                    + "unbooked until the funding decision is recorded.");
        }
        VettingDecision decision = new VettingDecision(UUID.randomUUID(), id.value(), VettingDecision.Outcome.ACCEPTED, null,
                blankToNull(acceptance.note()), protocol, setName, describe(findings), funding,
                justified.isEmpty() ? null : justified.entrySet().stream()
                        .map(e -> e.getKey() + " accepted by " + CurrentUser.username() + ": " + e.getValue())
                        .collect(Collectors.joining("\n")),
                CurrentUser.username(), clock.instant());
        repository.insert(decision);
        overrides.record(id.value(), referral.details().patientId(), decision.id(), safetyReview.needingJustification().stream()
                .map(f -> new SafetyOverrides.Decision(f, acceptance.safetyJustifications().get(f.ruleId()))).toList());
        referrals.accept(id, "accepted: " + protocol.guidance().label() + ", " + protocol.priority().label().toLowerCase()
                + (funding == FundingStatus.FUNDED ? "" : "; " + funding.label().toLowerCase()));
        ZoneId zone = clock.getZone();
        waitingList.add(new NewWaitingListEntry(id.value(), referral.details().patientId(), site.code(), protocol.guidance(),
                protocol.priority(), referral.details().intent() == Intent.DIAGNOSTIC,
                LocalDate.ofInstant(referral.submittedAt(), zone), safetyReview.earliestDate(), latest, constraints, funding,
                protocol.operatorGrade(), protocol.oneStopEligible()));
        audit.record(AuditAction.CREATE, RECORD_TYPE, decision.id(), referral.details().patientId(), "accepted");
        // The surgeon hears of a replacement too close from vetting, not only on the day (ADR 0044).
        safetyReview.assessment().findings().stream()
                .filter(f -> f.ruleId().equals(JOINT_REPLACEMENT_RULE) && f.severity() != Severity.INFO).findFirst()
                .ifPresent(f -> events.publishEvent(new JointReplacementTooCloseFound(id.value(),
                        referral.details().patientId(), decision.id(), f.severity(), f.message(),
                        f.sources().stream().map(org.synovia.safety.GuidelineReference::cite).toList(),
                        referral.details().plannedReplacementDate(), safetyReview.earliestDate(), CurrentUser.username(),
                        decision.decidedAt())));
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

    /**
     * A STOP needs the reason of someone with the role and grade the clinic names (ADR 0035), and every
     * finding that asks for a justification needs a radiologist's; the reasons are kept with the decision
     * and, one row each, in {@code safety_override}.
     */
    private static Map<String, String> justifications(List<Finding> needing, Acceptance acceptance,
            SafetyOverrides overrides) {
        Map<String, String> justified = new LinkedHashMap<>();
        List<InvalidInputException.FieldProblem> missing = new ArrayList<>();
        for (Finding finding : needing) {
            String reason = blankToNull(acceptance.safetyJustifications().get(finding.ruleId()));
            java.util.Optional<String> refusal = overrides.refusalFor(finding);
            if (refusal.isPresent()) {
                missing.add(new InvalidInputException.FieldProblem("safetyJustifications[" + finding.ruleId() + "]",
                        finding.ruleId() + " " + finding.ruleName() + ": " + refusal.get()
                                + " Ask them to vet this referral, or reject it."));
            }
            else if (reason == null) {
                missing.add(new InvalidInputException.FieldProblem("safetyJustifications[" + finding.ruleId() + "]",
                        finding.ruleId() + " " + finding.ruleName() + ": " + (finding.severity() == Severity.STOP
                                ? "this STOP blocks acceptance until you give your reason for overriding it."
                                : "give your justification for going ahead.")));
            }
            else if (reason.length() > 1000) {
                missing.add(new InvalidInputException.FieldProblem("safetyJustifications[" + finding.ruleId() + "]",
                        "Use at most 1000 characters."));
            }
            else {
                justified.put(finding.ruleId() + " (" + finding.severity() + ")", reason);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        return justified;
    }

    /**
     * Overrides a STOP that the engine raises for an accepted referral at a start booking would choose (the
     * patient's facts or the date changed since vetting). Only the role and grade the clinic names may, with
     * a reason; the override applies to the latest acceptance and is kept beside those made at vetting.
     */
    @Transactional
    public SafetyOverride overrideStop(ReferralId id, String ruleId, LocalDateTime start, String reason) {
        AcceptedProtocols.AcceptedProtocol accepted = acceptedProtocols.forReferral(id)
                .orElseThrow(() -> new InvalidInputException("ruleId", "This referral has not been accepted."));
        if (start == null) {
            throw new InvalidInputException("start", "Choose the start the STOP was raised for.");
        }
        Finding stop = acceptedProtocols.checkAt(id, start).assessment().findings().stream()
                .filter(f -> f.blocksBooking() && f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("ruleId", "The safety checks raise no STOP " + ruleId
                        + " for this patient at that start: there is nothing to override."));
        Referral referral = referrals.show(id);
        return overrides.record(id.value(), referral.details().patientId(), accepted.decisionId(),
                List.of(new SafetyOverrides.Decision(stop, reason))).getFirst();
    }

    /**
     * The protocol as the safety engine sees it: site, side, guidance, drugs with doses, contrast, and every further
     * target with its own drugs and volumes (HAZ-85).
     */
    static PlannedProcedure procedureFor(Referral referral, InjectionSite site, Protocol protocol, Catalogue catalogue) {
        List<PlannedDrug> drugs = new ArrayList<>();
        InjectedAgent steroid = ReferralSafety.agentFrom(protocol.corticosteroid());
        if (steroid != null) {
            drugs.add(new PlannedDrug(steroid, protocol.corticosteroidDoseMg() == null ? null
                    : protocol.corticosteroidDoseMg().doubleValue(), null, null, null, false));
        }
        ReferralSafety.localAnaesthetic(protocol.localAnaesthetic(), protocol.localAnaestheticMl()).ifPresent(drugs::add);
        List<PlannedProcedure.Target> further = protocol.targets().stream().map(t -> {
            InjectionSite targetSite = catalogue.site(t.siteCode()).orElseThrow(() -> new InvalidInputException("targets",
                    "A target's site " + t.siteCode() + " is not in the catalogue."));
            return new PlannedProcedure.Target(targetSite.code(), SiteFacts.from(targetSite), t.side(), t.spinalLevel(),
                    t.drugs());
        }).toList();
        return PlannedProcedure.builder(site.code(), SiteFacts.from(site), protocol.guidance())
                .side(referral.details().laterality()).spinalLevel(referral.details().spinalLevel()).drugs(drugs)
                .contrast(protocol.contrast()).additionalTargets(further).build();
    }

    /**
     * The protocol must carry the drugs of exactly the referral's further targets: a target missing from it would be
     * injected without the engine counting its local anaesthetic (HAZ-85), and a form opened before the referral was
     * amended would carry the old ones.
     */
    static void checkTargetsMatch(Referral referral, Protocol protocol) {
        List<ReferralDetails.Target> asked = referral.details().additionalTargets();
        boolean same = asked.size() == protocol.targets().size();
        for (int i = 0; same && i < asked.size(); i++) {
            same = protocol.targets().get(i).sameTargetAs(asked.get(i));
        }
        if (!same) {
            throw new InvalidInputException("targets", "The referral's targets have changed since this page was opened: "
                    + "open the referral again and protocol every target.");
        }
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

    /**
     * Minutes added to the main target's slot for each further target: one more skin preparation, needle and image
     * under the same guidance (ADR 0039). Capped at the longest slot a protocol may ask for.
     */
    static final int MINUTES_PER_FURTHER_TARGET = 10;

    /** The site's template, shaped by what the referrer asked for, with the usual drugs at every further target. */
    static Protocol proposedProtocol(Referral referral, InjectionSite site, Catalogue catalogue) {
        ReferralDetails d = referral.details();
        ProtocolTemplate template = template(site, d.requestedInjectate(), d.intent());
        String anaesthetic = template.localAnaesthetic() + " " + template.localAnaestheticPercent().stripTrailingZeros().toPlainString() + "%";
        List<Protocol.Target> targets = d.additionalTargets().stream().map(t -> {
            ProtocolTemplate usual = template(catalogue.site(t.siteCode()).orElseThrow(), t.requestedInjectate(), d.intent());
            InjectedAgent injectate = t.requestedInjectate() == RequestedInjectate.HYALURONAN ? InjectedAgent.HYALURONAN
                    : ReferralSafety.agentFrom(usual.corticosteroid());
            return new Protocol.Target(t.siteCode(), t.laterality(), t.spinalLevel(), injectate,
                    injectate == InjectedAgent.HYALURONAN ? null : usual.corticosteroidDoseMg(),
                    ReferralSafety.agentFrom(usual.localAnaesthetic()), usual.localAnaestheticPercent(),
                    usual.localAnaestheticMl());
        }).toList();
        return new Protocol(template.guidance(), null, template.corticosteroid(), template.corticosteroidDoseMg(), anaesthetic,
                template.localAnaestheticMl(), template.contrast(), "CONSULTANT", null,
                slotMinutes(template.slotMinutes(), targets.size()), priorityFor(d.urgency()), template.oneStopEligible(),
                targets);
    }

    static int slotMinutes(int mainTargetMinutes, int furtherTargets) {
        return Math.min(Protocol.MAX_SLOT_MINUTES, mainTargetMinutes + MINUTES_PER_FURTHER_TARGET * furtherTargets);
    }

    private static ProtocolTemplate template(InjectionSite site, RequestedInjectate requested, Intent intent) {
        boolean steroid = requested != RequestedInjectate.LOCAL_ANAESTHETIC_ONLY && requested != RequestedInjectate.HYALURONAN;
        return ProtocolTemplate.forSite(site, steroid, intent != Intent.THERAPEUTIC);
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
