package org.synovia.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.synovia.safety.LocalPolicy.CervicalFacetCategory;
import org.synovia.safety.LocalPolicy.ClopidogrelHold;
import org.synovia.safety.LocalPolicy.DoacHold;
import org.synovia.safety.LocalPolicy.HeparinBeforeLowRisk;
import org.synovia.safety.LocalPolicy.LidocainePlainMax;
import org.synovia.shared.InvalidInputException;

class LocalPolicyTests {

    @Test
    void defaultsToAnswersThatSatisfyEverySourcesMinimum() {
        LocalPolicy policy = LocalPolicy.defaults();

        assertThat(policy.cervicalFacetCategory()).isEqualTo(CervicalFacetCategory.SIR_HIGH);
        assertThat(policy.heparinBeforeLowRisk()).isEqualTo(HeparinBeforeLowRisk.ASRA_HOLD);
        assertThat(policy.doacHold()).isEqualTo(DoacHold.BOTH);
        assertThat(policy.clopidogrelHold()).isEqualTo(ClopidogrelHold.BOTH);
        assertThat(policy.lidocainePlainMax()).isEqualTo(LidocainePlainMax.UK_3_MG_PER_KG);
        assertThat(policy.steroidPreferredIntervalDays()).isEqualTo(84);
        assertThat(policy.steroidMinimumIntervalDays()).isEqualTo(42);
        assertThat(policy.steroidMaxPerJointPerYear()).isEqualTo(3);
        assertThat(policy.ukProviderDoacHours()).isZero();
        assertThat(policy.lowRiskInrBelow()).isEqualTo(3.0);
        assertThat(policy.describe()).hasSize(14);
    }

    @Test
    void bindsFromSynoviaSafetyPolicyKeepingDefaultsForTheRest() {
        var source = new MapConfigurationPropertySource(Map.of(
                "synovia.safety.policy.doac-hold", "SIR_DOSES",
                "synovia.safety.policy.lidocaine-plain-max", "US_4_5_MG_PER_KG",
                "synovia.safety.policy.steroid-max-per-joint-per-year", "4"));

        LocalPolicy policy = new Binder(source).bind("synovia.safety.policy", LocalPolicy.class).get();

        assertThat(policy.doacHold()).isEqualTo(DoacHold.SIR_DOSES);
        assertThat(policy.lidocainePlainMax()).isEqualTo(LidocainePlainMax.US_4_5_MG_PER_KG);
        assertThat(policy.steroidMaxPerJointPerYear()).isEqualTo(4);
        assertThat(policy.clopidogrelHold()).isEqualTo(ClopidogrelHold.BOTH);
    }

    @ParameterizedTest(name = "minimum {0}, preferred {1}, max/year {2}, INR below {3} → valid {4}")
    @CsvSource({"42, 84, 3, 3.0, true", "84, 84, 4, 2.5, true", "85, 84, 3, 3.0, false", "42, 84, 5, 3.0, false",
            "42, 84, 3, 3.1, false"})
    void refusesAPolicyLooserThanAnySource(int minimum, int preferred, int perYear, double inrBelow, boolean valid) {
        if (valid) {
            new LocalPolicy(null, null, null, null, null, preferred, minimum, perYear, null, null, inrBelow, null, null, null);
            return;
        }
        assertThatThrownBy(() -> new LocalPolicy(null, null, null, null, null, preferred, minimum, perYear, null, null,
                inrBelow, null, null, null)).isInstanceOf(InvalidInputException.class);
    }
}
