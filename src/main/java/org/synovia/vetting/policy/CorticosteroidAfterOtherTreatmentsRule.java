package org.synovia.vetting.policy;

import java.util.List;
import java.util.Optional;

import org.synovia.referral.Indication;
import org.synovia.referral.ReferralDetails.TreatmentTried;
import org.synovia.referral.RequestedInjectate;
import org.synovia.referral.TreatmentKind;
import org.synovia.vetting.PolicyAction;
import org.synovia.vetting.PolicyFinding;

/**
 * NICE NG226: consider an intra-articular corticosteroid when other pharmacological treatments are
 * ineffective or unsuitable, or to support therapeutic exercise (facts NG-01).
 */
final class CorticosteroidAfterOtherTreatmentsRule implements CommissioningRule {

    @Override
    public String id() {
        return "POL-002";
    }

    @Override
    public String name() {
        return "Corticosteroid for osteoarthritis after other treatments (NICE NG226)";
    }

    @Override
    public List<String> sources() {
        return List.of("NICE NG226 (2022) 1.4.12", "facts NG-01");
    }

    @Override
    public Optional<PolicyFinding> evaluate(PolicyCase c) {
        if (c.referral().indication() != Indication.OSTEOARTHRITIS
                || c.referral().requestedInjectate() != RequestedInjectate.CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC) {
            return Optional.empty();
        }
        List<String> tried = c.referral().treatments().stream()
                .filter(t -> t.kind() == TreatmentKind.ANALGESIA || t.kind() == TreatmentKind.PHYSIOTHERAPY)
                .map(TreatmentTried::kind).distinct().map(k -> k.label().toLowerCase()).toList();
        if (tried.isEmpty()) {
            return notMet(PolicyAction.ADVISORY, "No analgesia or exercise therapy is recorded: NICE NG226 considers a "
                    + "corticosteroid injection when other treatments are ineffective or unsuitable, or to support exercise.");
        }
        return met("Tried before injection: " + String.join(", ", tried) + ".");
    }
}
