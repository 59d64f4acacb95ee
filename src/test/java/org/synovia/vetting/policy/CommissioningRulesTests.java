package org.synovia.vetting.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.testing.RecordCopies.with;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.catalogue.InjectionSite;
import org.synovia.catalogue.InjectionSite.BleedingClass;
import org.synovia.catalogue.InjectionSite.JointSize;
import org.synovia.referral.Indication;
import org.synovia.referral.Intent;
import org.synovia.referral.ReferralDetails;
import org.synovia.referral.ReferralFixtures;
import org.synovia.referral.ReferrerSetting;
import org.synovia.referral.RequestedInjectate;
import org.synovia.referral.TreatmentKind;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.vetting.PolicyAction;
import org.synovia.vetting.PolicyFinding;
import org.synovia.vetting.VettingProperties.PolicySet;

/** Each commissioning rule at, under and over its threshold, with its source. */
class CommissioningRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final PolicySet SET = new PolicySet("test", List.of(), 6, 12);
    private static final InjectionSite KNEE = site("KNEE_JOINT", JointSize.LARGE, BleedingClass.PERIPHERAL);
    private static final InjectionSite HIP = site("HIP_JOINT", JointSize.LARGE, BleedingClass.PERIPHERAL);
    private static final InjectionSite LUMBAR_FACET = site("FACET_LUMBAR", JointSize.SPINE, BleedingClass.THORACOLUMBAR_FACET);
    private static final InjectionSite SACROILIAC = site("SACROILIAC", JointSize.SPINE, BleedingClass.SACROILIAC);
    private static final InjectionSite SUBACROMIAL = site("SUBACROMIAL_BURSA", JointSize.SOFT_TISSUE, BleedingClass.SOFT_TISSUE);
    private static final InjectionSite GLENOHUMERAL = site("GLENOHUMERAL_JOINT", JointSize.LARGE, BleedingClass.PERIPHERAL);

    private final ReferralDetails knee = ReferralFixtures.kneeOnApixaban(UUID.randomUUID());

    private static InjectionSite site(String code, JointSize size, BleedingClass bleeding) {
        return new InjectionSite(code, code.replace('_', ' ').toLowerCase(), "Region", InjectionSite.Structure.JOINT,
                Guidance.ULTRASOUND, List.of(Guidance.LANDMARK, Guidance.FLUOROSCOPY), true, size == JointSize.SPINE, size,
                bleeding, null, null, false);
    }

    private static Optional<PolicyFinding> evaluate(CommissioningRule rule, ReferralDetails referral, InjectionSite site,
            Guidance guidance) {
        return rule.evaluate(new PolicyCase(referral, site, guidance, SET, TODAY));
    }

    @Test
    void everyRuleNamesItsSourceInTheFactSheet() {
        assertThat(CommissioningPolicies.RULES).allSatisfy(rule -> {
            assertThat(rule.sources()).anyMatch(s -> s.matches("facts [A-Z]{2}-\\d{2}"));
            assertThat(rule.id()).matches("POL-\\d{3}");
        });
        assertThat(CommissioningPolicies.RULES).extracting(CommissioningRule::id).doesNotHaveDuplicates();
    }

    @Test
    void flagsHyaluronanForKneeOsteoarthritisAsNotFundedUnderNg226() {
        ReferralDetails hyaluronan = with(knee, "requestedInjectate", RequestedInjectate.HYALURONAN);

        PolicyFinding finding = evaluate(new HyaluronanForOsteoarthritisRule(), hyaluronan, KNEE, Guidance.ULTRASOUND).orElseThrow();

        assertThat(finding.met()).isFalse();
        assertThat(finding.action()).isEqualTo(PolicyAction.NOT_FUNDED);
        assertThat(finding.sentence()).contains("NICE NG226");
        assertThat(finding.sources()).contains("facts NG-02");
        assertThat(evaluate(new HyaluronanForOsteoarthritisRule(), knee, KNEE, Guidance.ULTRASOUND)).isEmpty();
        assertThat(evaluate(new HyaluronanForOsteoarthritisRule(),
                with(hyaluronan, "indication", Indication.INFLAMMATORY_ARTHRITIS), KNEE, Guidance.ULTRASOUND).orElseThrow().met())
                .isTrue();
    }

    @Test
    void advisesWhenNoOtherTreatmentWasTriedBeforeASteroidForOsteoarthritis() {
        assertThat(evaluate(new CorticosteroidAfterOtherTreatmentsRule(), knee, KNEE, Guidance.ULTRASOUND).orElseThrow().met()).isTrue();
        PolicyFinding none = evaluate(new CorticosteroidAfterOtherTreatmentsRule(), with(knee, "treatments", List.of()), KNEE,
                Guidance.ULTRASOUND).orElseThrow();
        assertThat(none.met()).isFalse();
        assertThat(none.action()).isEqualTo(PolicyAction.ADVISORY);
    }

    @ParameterizedTest(name = "lumbar facet, {0}, radicular {1} → met {2}")
    @CsvSource({"THERAPEUTIC, false, false", "BOTH, false, false", "THERAPEUTIC, true, true", "DIAGNOSTIC, false, true"})
    void refusesTherapeuticLumbarFacetInjectionsWithoutSciatica(Intent intent, boolean radicular, boolean met) {
        ReferralDetails facet = with(with(with(knee, "siteCode", "FACET_LUMBAR"), "intent", intent), "radicularPain", radicular);
        PolicyFinding finding = evaluate(new SpinalInjectionWithoutSciaticaRule(), facet, LUMBAR_FACET, Guidance.CT).orElseThrow();
        assertThat(finding.met()).isEqualTo(met);
        if (!met) {
            assertThat(finding.action()).isEqualTo(PolicyAction.NOT_FUNDED);
        }
    }

    @ParameterizedTest(name = "{0} under {1} from {2} → {3}")
    @CsvSource({
            "SUBACROMIAL_BURSA, ULTRASOUND, PRIMARY_CARE, NOT_FUNDED",
            "SUBACROMIAL_BURSA, ULTRASOUND, SECONDARY_CARE, NOT_FUNDED",
            "SUBACROMIAL_BURSA, ULTRASOUND, SECONDARY_CARE_SHOULDER_SERVICE, MET",
            "SUBACROMIAL_BURSA, LANDMARK, PRIMARY_CARE, NOT_APPLICABLE",
            "GLENOHUMERAL_JOINT, ULTRASOUND, SECONDARY_CARE, PRIOR_APPROVAL",
            "GLENOHUMERAL_JOINT, ULTRASOUND, SECONDARY_CARE_SHOULDER_SERVICE, MET"})
    void allowsImageGuidedShoulderInjectionsOnlyFromAShoulderService(String siteCode, Guidance guidance,
            ReferrerSetting setting, String expected) {
        InjectionSite site = siteCode.equals("SUBACROMIAL_BURSA") ? SUBACROMIAL : GLENOHUMERAL;
        ReferralDetails shoulder = with(with(knee, "siteCode", siteCode), "referrerSetting", setting);
        Optional<PolicyFinding> finding = evaluate(new GuidedShoulderInjectionRule(), shoulder, site, guidance);
        switch (expected) {
            case "NOT_APPLICABLE" -> assertThat(finding).isEmpty();
            case "MET" -> assertThat(finding.orElseThrow().met()).isTrue();
            default -> assertThat(finding.orElseThrow().action()).isEqualTo(PolicyAction.valueOf(expected));
        }
    }

    @ParameterizedTest(name = "hip {0} for {1} → met {2}")
    @CsvSource({"DIAGNOSTIC, OSTEOARTHRITIS, true", "BOTH, OSTEOARTHRITIS, true", "THERAPEUTIC, INFLAMMATORY_ARTHRITIS, true",
            "THERAPEUTIC, OSTEOARTHRITIS, false"})
    void appliesTheGuidedHipCriteria(Intent intent, Indication indication, boolean met) {
        ReferralDetails hip = with(with(with(knee, "siteCode", "HIP_JOINT"), "intent", intent), "indication", indication);
        PolicyFinding finding = evaluate(new GuidedHipInjectionCriteriaRule(), hip, HIP, Guidance.FLUOROSCOPY).orElseThrow();
        assertThat(finding.met()).isEqualTo(met);
        assertThat(evaluate(new GuidedHipInjectionCriteriaRule(), hip, HIP, Guidance.LANDMARK)).isEmpty();
    }

    @ParameterizedTest(name = "{0} weeks of physiotherapy before a knee injection → met {1}")
    @CsvSource({"5, false", "6, true", "7, true"})
    void asksForSixWeeksOfConservativeCareBeforeAPeripheralInjection(int weeks, boolean met) {
        ReferralDetails referral = with(knee, "treatments", List.of(new ReferralDetails.TreatmentTried(TreatmentKind.PHYSIOTHERAPY, weeks, null)));
        assertThat(evaluate(new ConservativeManagementRule(), referral, KNEE, Guidance.ULTRASOUND).orElseThrow().met()).isEqualTo(met);
    }

    @ParameterizedTest(name = "{0} weeks before a spinal injection → met {1}")
    @CsvSource({"11, false", "12, true", "13, true"})
    void asksForTwelveWeeksBeforeASpinalInjection(int weeks, boolean met) {
        ReferralDetails referral = with(with(knee, "siteCode", "FACET_LUMBAR"), "treatments",
                List.of(new ReferralDetails.TreatmentTried(TreatmentKind.ANALGESIA, weeks, null)));
        assertThat(evaluate(new ConservativeManagementRule(), referral, LUMBAR_FACET, Guidance.CT).orElseThrow().met()).isEqualTo(met);
    }

    @ParameterizedTest(name = "{0} earlier diagnostic facet injections → met {1}")
    @CsvSource({"1, true", "2, false", "3, false"})
    void limitsDiagnosticFacetInjectionsToTwo(int earlier, boolean met) {
        List<ReferralDetails.PreviousInjection> previous = java.util.stream.IntStream.range(0, earlier)
                .mapToObj(i -> new ReferralDetails.PreviousInjection("FACET_LUMBAR", Laterality.LEFT, TODAY.minusWeeks(4 + i * 4L),
                        "Bupivacaine")).toList();
        ReferralDetails facet = with(with(with(knee, "siteCode", "FACET_LUMBAR"), "intent", Intent.DIAGNOSTIC),
                "previousInjections", previous);
        assertThat(evaluate(new DiagnosticSpinalInjectionLimitRule(), facet, LUMBAR_FACET, Guidance.CT).orElseThrow().met())
                .isEqualTo(met);
    }

    @ParameterizedTest(name = "last sacroiliac injection {0} weeks ago → met {1}")
    @CsvSource({"8, false", "9, true", "10, true"})
    void wantsDiagnosticSacroiliacInjectionsMoreThanEightWeeksApart(int weeksAgo, boolean met) {
        ReferralDetails sij = with(with(with(knee, "siteCode", "SACROILIAC"), "intent", Intent.DIAGNOSTIC), "previousInjections",
                List.of(new ReferralDetails.PreviousInjection("SACROILIAC", Laterality.LEFT, TODAY.minusWeeks(weeksAgo), "Bupivacaine")));
        assertThat(evaluate(new DiagnosticSpinalInjectionLimitRule(), sij, SACROILIAC, Guidance.FLUOROSCOPY).orElseThrow().met())
                .isEqualTo(met);
    }
}
