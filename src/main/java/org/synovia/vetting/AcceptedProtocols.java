package org.synovia.vetting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.synovia.catalogue.Catalogue;
import org.synovia.catalogue.InjectionSite;
import org.synovia.patient.Patient;
import org.synovia.referral.Referral;
import org.synovia.referral.ReferralId;
import org.synovia.referral.ReferralSafety;
import org.synovia.referral.Referrals;
import org.synovia.safety.Finding;
import org.synovia.safety.PlannedProcedure;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.SafetyChecks;
import org.synovia.safety.SafetyInput;
import org.synovia.safety.SafetyOverrides;

/**
 * The protocol a radiologist accepted, for booking: its slot length, grade and named operator, and the
 * safety engine's answer for a real start time (HAZ-18, HAZ-28). A start is refused when the engine raises
 * a STOP nobody with the named role and grade has overridden for this acceptance (at vetting or since), or when a blood thinner would have to be stopped
 * sooner than {@code medication-notice-days} from today, the same tests {@link BookingWindow} uses to find
 * the earliest day.
 */
@Service
public class AcceptedProtocols {

    private final VettingRepository repository;
    private final Referrals referrals;
    private final Catalogue catalogue;
    private final ReferralSafety referralSafety;
    private final SafetyChecks safety;
    private final VettingProperties properties;
    private final SafetyOverrides overrides;
    private final Clock clock;

    AcceptedProtocols(VettingRepository repository, Referrals referrals, Catalogue catalogue, ReferralSafety referralSafety,
            SafetyChecks safety, SafetyOverrides overrides, VettingProperties properties, Clock clock) {
        this.overrides = overrides;
        this.safety = safety;
        this.repository = repository;
        this.referrals = referrals;
        this.catalogue = catalogue;
        this.referralSafety = referralSafety;
        this.properties = properties;
        this.clock = clock;
    }

    /** The latest acceptance of the referral, or empty when it was never accepted. */
    public Optional<AcceptedProtocol> forReferral(ReferralId id) {
        return repository.forReferral(id.value()).stream()
                .filter(d -> d.outcome() == VettingDecision.Outcome.ACCEPTED).reduce((first, second) -> second)
                .map(d -> new AcceptedProtocol(d.referralId(), d.id(), d.protocol(),
                        overrides.overriddenStops(d.referralId(), d.id()), d.decidedBy()));
    }

    /** The latest acceptance of each of these referrals that was accepted, keyed by referral; one read for a list. */
    public java.util.Map<ReferralId, AcceptedProtocol> forReferrals(java.util.Collection<ReferralId> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<java.util.UUID, VettingDecision> latest = new java.util.LinkedHashMap<>();
        repository.forReferrals(ids.stream().map(ReferralId::value).collect(java.util.stream.Collectors.toSet())).stream()
                .filter(d -> d.outcome() == VettingDecision.Outcome.ACCEPTED).forEach(d -> latest.put(d.referralId(), d));
        java.util.Map<java.util.UUID, java.util.UUID> decisions = new java.util.HashMap<>();
        latest.forEach((referral, decision) -> decisions.put(referral, decision.id()));
        java.util.Map<java.util.UUID, Set<String>> stops = overrides.overriddenStops(decisions);
        java.util.Map<ReferralId, AcceptedProtocol> accepted = new java.util.LinkedHashMap<>();
        latest.forEach((referral, d) -> accepted.put(new ReferralId(referral),
                new AcceptedProtocol(referral, d.id(), d.protocol(), stops.get(referral), d.decidedBy())));
        return accepted;
    }

    /** The engine's answer for the accepted protocol starting at {@code start}, and what forbids that start. */
    public BookingCheck checkAt(ReferralId id, LocalDateTime start) {
        return checker(id).check(start);
    }

    /**
     * Reads the referral and protocol once and answers for any number of starts (slot search tries many);
     * the assessment is recomputed for each start, nothing is cached between calls to this method.
     */
    public StartChecker checker(ReferralId id) {
        AcceptedProtocol accepted = forReferral(id)
                .orElseThrow(() -> new IllegalStateException("referral " + id.value() + " was not accepted"));
        Referral referral = referrals.show(id);
        return checker(accepted, referralSafety.input(referral.details(), accepted(referral, accepted)));
    }

    /**
     * As {@link #checker(ReferralId)}, for a referral, its patient and its acceptance the caller has read already
     * (a list page reads them for all its rows at once).
     */
    public StartChecker checker(Referral referral, Patient patient, AcceptedProtocol accepted) {
        return checker(accepted, referralSafety.input(referral.details(), patient, accepted(referral, accepted)));
    }

    private PlannedProcedure accepted(Referral referral, AcceptedProtocol accepted) {
        InjectionSite site = catalogue.site(referral.details().siteCode()).orElseThrow();
        return Vetting.procedureFor(referral, site, accepted.protocol(), catalogue);
    }

    private StartChecker checker(AcceptedProtocol accepted, SafetyInput input) {
        LocalDateTime notified = LocalDate.now(clock).plusDays(properties.medicationNoticeDays()).atStartOfDay();
        return start -> {
            SafetyAssessment assessment = safety.assess(new SafetyInput(input.patient(), input.medicines(),
                    input.previousInjections(), input.vaccinations(), input.procedure().withStart(start)));
            return new BookingCheck(start, assessment, BookingWindow.problems(assessment, accepted.overriddenStops(), notified),
                    BookingWindow.blockingStops(assessment, accepted.overriddenStops()));
        };
    }

    /**
     * The engine's input for the accepted protocol at {@code start}, for the procedure day to add what it
     * measures (observations, the day's INR) before asking the engine again.
     */
    public SafetyInput inputAt(ReferralId id, LocalDateTime start) {
        AcceptedProtocol accepted = forReferral(id)
                .orElseThrow(() -> new IllegalStateException("referral " + id.value() + " was not accepted"));
        Referral referral = referrals.show(id);
        SafetyInput input = referralSafety.input(referral.details(), accepted(referral, accepted));
        return new SafetyInput(input.patient(), input.medicines(), input.previousInjections(), input.vaccinations(),
                input.procedure().withStart(start));
    }

    /** As {@link #inputAt(ReferralId, LocalDateTime)}, for a referral, patient and acceptance the caller has read already. */
    public SafetyInput inputAt(Referral referral, Patient patient, AcceptedProtocol accepted, LocalDateTime start) {
        SafetyInput input = referralSafety.input(referral.details(), patient, accepted(referral, accepted));
        return new SafetyInput(input.patient(), input.medicines(), input.previousInjections(), input.vaccinations(),
                input.procedure().withStart(start));
    }

    /**
     * The engine's answer at {@code start} for a page that shows it again on every view (the day list), kept by its
     * whole input (ADR 0128); the same answer {@link #checker(Referral, Patient, AcceptedProtocol)} gives.
     */
    public SafetyAssessment assessmentShownAt(Referral referral, Patient patient, AcceptedProtocol accepted,
            LocalDateTime start) {
        return safety.assessShownAgain(inputAt(referral, patient, accepted, start));
    }

    /** The safety answer for one start of one accepted referral. */
    @FunctionalInterface
    public interface StartChecker {
        BookingCheck check(LocalDateTime start);
    }

    /**
     * @param decisionId the acceptance
     * @param overriddenStops STOP rule ids overridden with a reason for this acceptance, at vetting or since, by
     *        the role and grade the clinic names ({@code safety_override}, ADR 0035)
     */
    public record AcceptedProtocol(java.util.UUID referralId, java.util.UUID decisionId, Protocol protocol,
            Set<String> overriddenStops,
            String acceptedBy) {
    }

    /**
     * @param problems why this start is not allowed, in the engine's words; empty when it is
     * @param blockingStops the STOPs among them that nobody has overridden yet, each offering its override
     */
    public record BookingCheck(LocalDateTime start, SafetyAssessment assessment, List<String> problems,
            List<Finding> blockingStops) {

        public BookingCheck {
            problems = List.copyOf(problems);
            blockingStops = List.copyOf(blockingStops);
        }

        public boolean allowed() {
            return problems.isEmpty();
        }
    }
}
