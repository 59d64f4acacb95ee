package org.synovia.vetting.policy;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.synovia.catalogue.InjectionSite.BleedingClass;
import org.synovia.referral.Intent;
import org.synovia.referral.ReferralDetails.PreviousInjection;
import org.synovia.vetting.PolicyAction;
import org.synovia.vetting.PolicyFinding;

/**
 * Commissioner limits on diagnostic spinal injections (facts RI-12): at most 2 diagnostic facet
 * injections (Vale of York) and at most 2 diagnostic sacroiliac injections more than 8 weeks apart
 * (Norfolk and Waveney).
 */
final class DiagnosticSpinalInjectionLimitRule implements CommissioningRule {

    static final int MAX_DIAGNOSTIC_INJECTIONS = 2;
    static final int MIN_SACROILIAC_INTERVAL_WEEKS = 8;
    static final int LOOK_BACK_MONTHS = 12;

    @Override
    public String id() {
        return "POL-007";
    }

    @Override
    public String name() {
        return "Limits on diagnostic spinal injections";
    }

    @Override
    public List<String> sources() {
        return List.of("Vale of York CCG spinal injections policy", "Norfolk and Waveney ICB sacro-iliac injections (2022)",
                "facts RI-12", "facts DX-04");
    }

    @Override
    public Optional<PolicyFinding> evaluate(PolicyCase c) {
        BleedingClass spinalClass = c.site().bleedingClass();
        boolean facet = spinalClass == BleedingClass.THORACOLUMBAR_FACET || spinalClass == BleedingClass.CERVICAL_FACET;
        boolean sacroiliac = spinalClass == BleedingClass.SACROILIAC;
        if (c.referral().intent() == Intent.THERAPEUTIC || !(facet || sacroiliac)) {
            return Optional.empty();
        }
        List<PreviousInjection> earlier = c.referral().previousInjections().stream()
                .filter(p -> p.siteCode().equals(c.site().code()))
                .filter(p -> !p.date().isBefore(c.today().minusMonths(LOOK_BACK_MONTHS)))
                .sorted(Comparator.comparing(PreviousInjection::date).reversed()).toList();
        if (earlier.size() >= MAX_DIAGNOSTIC_INJECTIONS) {
            return notMet(PolicyAction.PRIOR_APPROVAL, earlier.size() + " injections of this site in the last "
                    + LOOK_BACK_MONTHS + " months; the limit is " + MAX_DIAGNOSTIC_INJECTIONS + " diagnostic injections.");
        }
        if (sacroiliac && !earlier.isEmpty()) {
            long weeks = ChronoUnit.WEEKS.between(earlier.getFirst().date(), c.today());
            if (weeks <= MIN_SACROILIAC_INTERVAL_WEEKS) {
                return notMet(PolicyAction.PRIOR_APPROVAL, "The last sacroiliac injection was " + weeks
                        + " weeks ago; diagnostic injections must be more than " + MIN_SACROILIAC_INTERVAL_WEEKS + " weeks apart.");
            }
        }
        return met(earlier.size() + " earlier injection(s) of this site in " + LOOK_BACK_MONTHS + " months; limit "
                + MAX_DIAGNOSTIC_INJECTIONS + ".");
    }
}
