package org.synovia.safety;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.account.Role;
import org.synovia.account.UserAccount;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/**
 * Records and shows clinicians' decisions to go ahead despite a finding (ADR 0035). A STOP may be
 * overridden only by the role and grade of {@link StopOverridePolicy}, with a reason; a soft stop needs a
 * radiologist's justification. The account's grade is read from the database at the moment of the
 * override, never from the session, and kept with the record, which is never changed.
 */
@Service
public class SafetyOverrides {

    static final String RECORD_TYPE = "SafetyOverride";
    static final int MAX_REASON = 1000;

    private final SafetyOverrideRepository repository;
    private final UserAccounts accounts;
    private final StopOverridePolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    SafetyOverrides(SafetyOverrideRepository repository, UserAccounts accounts, StopOverridePolicy policy, AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    public StopOverridePolicy policy() {
        return policy;
    }

    /** Why the signed-in person may not go ahead despite this finding, or empty when they may. */
    public Optional<String> refusalFor(Finding finding) {
        Optional<UserAccount> account = accounts.find(CurrentUser.username());
        if (finding.blocksBooking()) {
            return policy.permits(account.orElse(null)) ? Optional.empty() : Optional.of(policy.refusal());
        }
        return account.filter(UserAccount::enabled).filter(a -> a.has(Role.RADIOLOGIST)).isPresent() ? Optional.empty()
                : Optional.of("Only a radiologist may justify going ahead despite this finding.");
    }

    /** Whether the signed-in person may override a STOP: pages offer the override form only to them. */
    public boolean mayOverrideStops() {
        return policy.permits(accounts.find(CurrentUser.username()).orElse(null));
    }

    /** One finding and the clinician's reason for going ahead despite it. */
    public record Decision(Finding finding, String reason) {
    }

    /**
     * Records the signed-in person's reasons, one row each, all or none: a STOP by someone without the
     * named role and grade, or a missing or over-long reason, refuses the lot with the rule named.
     *
     * @param decisionId the acceptance the overrides apply to
     */
    @Transactional
    public List<SafetyOverride> record(UUID referralId, UUID patientId, UUID decisionId, List<Decision> decisions) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        for (Decision d : decisions) {
            String field = "safetyJustifications[" + d.finding().ruleId() + "]";
            refusalFor(d.finding()).ifPresent(r -> problems.add(new InvalidInputException.FieldProblem(field,
                    d.finding().ruleId() + " " + d.finding().ruleName() + ": " + r)));
            if (d.reason() == null || d.reason().isBlank()) {
                problems.add(new InvalidInputException.FieldProblem(field, "Give the reason for going ahead."));
            }
            else if (d.reason().strip().length() > MAX_REASON) {
                problems.add(new InvalidInputException.FieldProblem(field, "Use at most " + MAX_REASON + " characters."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UserAccount by = accounts.find(CurrentUser.username()).orElseThrow();
        // Microseconds, as PostgreSQL keeps them, so the record returned equals the one read back.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDateTime now = LocalDateTime.ofInstant(at, clock.getZone());
        List<SafetyOverride> recorded = new ArrayList<>();
        for (Decision d : decisions) {
            Finding f = d.finding();
            Role role = f.blocksBooking() ? policy.role() : Role.RADIOLOGIST;
            SafetyOverride override = new SafetyOverride(UUID.randomUUID(), referralId, patientId, decisionId, f.ruleId(), f.ruleName(),
                    f.severity(), f.message(), d.reason().strip(), by.username(), by.displayName(), role, by.grade(), now);
            repository.insert(override, at);
            audit.record(AuditAction.CREATE, RECORD_TYPE, override.id(), patientId,
                    (f.blocksBooking() ? "STOP overridden: " : "justified: ") + f.ruleId() + " by "
                            + StopOverridePolicy.title(by.grade(), role));
            recorded.add(override);
        }
        return recorded;
    }

    /** Every override of the referral, oldest first. */
    @Transactional
    public List<SafetyOverride> forReferral(UUID referralId) {
        return forReferrals(List.of(referralId)).getOrDefault(referralId, List.of());
    }

    /** Every override of each referral, oldest first, in one query (for lists). */
    @Transactional
    public Map<UUID, List<SafetyOverride>> forReferrals(Collection<UUID> referralIds) {
        List<SafetyOverride> rows = repository.forReferrals(Set.copyOf(referralIds), clock.getZone());
        if (!rows.isEmpty()) {
            audit.recordPerPatient(AuditAction.LIST, RECORD_TYPE, rows, SafetyOverride::id, SafetyOverride::patientId,
                    "safety overrides of " + referralIds.size() + " referrals read");
        }
        return rows.stream().collect(Collectors.groupingBy(SafetyOverride::referralId, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * The STOP rule ids overridden for one acceptance, which booking lets through (HAZ-18, HAZ-28). Only rule
     * ids: the caller's own read of the referral is what the audit trail records.
     */
    public Set<String> overriddenStops(UUID referralId, UUID decisionId) {
        return repository.overriddenStops(referralId, decisionId);
    }

    /**
     * The same for many acceptances at once (referral id → its decision id), keyed by referral id; one read for a
     * list page.
     */
    public Map<UUID, Set<String>> overriddenStops(Map<UUID, UUID> decisionByReferral) {
        if (decisionByReferral.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Map<UUID, Set<String>>> stops = repository.overriddenStops(decisionByReferral.keySet());
        Map<UUID, Set<String>> byReferral = new HashMap<>();
        decisionByReferral.forEach((referral, decision) -> byReferral.put(referral,
                Set.copyOf(stops.getOrDefault(referral, Map.of()).getOrDefault(decision, Set.of()))));
        return byReferral;
    }

    /** The overrides grouped by rule id, for showing beside each finding. */
    public static Map<String, List<SafetyOverride>> byRule(List<SafetyOverride> overrides) {
        return overrides.stream().collect(Collectors.groupingBy(SafetyOverride::ruleId, LinkedHashMap::new, Collectors.toList()));
    }
}
