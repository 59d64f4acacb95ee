package org.synovia.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.synovia.SynoviaIntegrationTest;
import org.synovia.shared.Guidance;

@SynoviaIntegrationTest
class CatalogueIntegrationTests {

    @Autowired
    Catalogue catalogue;

    @Test
    void offersEverySiteTheServicePagesNameWithItsGuidance() {
        assertThat(catalogue.site("FACET_LUMBAR")).get().extracting(InjectionSite::usualGuidance).isEqualTo(Guidance.CT);
        assertThat(catalogue.site("SACROILIAC")).get().extracting(InjectionSite::usualGuidance).isEqualTo(Guidance.CT);
        assertThat(catalogue.site("HIP_JOINT")).get().extracting(InjectionSite::usualGuidance).isEqualTo(Guidance.FLUOROSCOPY);
        assertThat(catalogue.site("WRIST_JOINT")).get().extracting(InjectionSite::usualGuidance).isEqualTo(Guidance.FLUOROSCOPY);
        assertThat(catalogue.site("ANKLE_JOINT")).get().extracting(InjectionSite::usualGuidance).isEqualTo(Guidance.FLUOROSCOPY);
        for (String usSite : new String[] {"SUBACROMIAL_BURSA", "TROCHANTERIC_BURSA", "GLUTEAL_TENDON", "PSOAS_TENDON",
                "WRIST_TENDON_SHEATH", "PES_ANSERINE_BURSA", "ANKLE_TENDON_SHEATH"}) {
            assertThat(catalogue.site(usSite)).get().extracting(InjectionSite::usualGuidance).isEqualTo(Guidance.ULTRASOUND);
        }
        assertThat(catalogue.sites()).filteredOn(InjectionSite::namedOnServicePages).hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void carriesTheSnomedCodesTheFactSheetGives() {
        assertThat(catalogue.site("HIP_JOINT").orElseThrow().snomedCode()).isEqualTo("24136001");
        assertThat(catalogue.site("KNEE_JOINT").orElseThrow().snomedCode()).isEqualTo("49076000");
        assertThat(catalogue.site("TROCHANTERIC_BURSA").orElseThrow().snomedCode()).isEqualTo("446003");
        assertThat(catalogue.site("FACET_CERVICAL").orElseThrow().snomedCode()).isEqualTo("427091002");
        assertThat(catalogue.site("SUBACROMIAL_BURSA").orElseThrow().snomedCode()).as("facts CD-05: not found").isNull();
        assertThat(catalogue.sites()).filteredOn(s -> s.snomedCode() != null)
                .allSatisfy(s -> assertThat(s.snomedFactRow()).startsWith("CD-"));
    }

    @Test
    void offersLandmarkGuidanceAsARecognisedAlternative() {
        assertThat(catalogue.site("KNEE_JOINT").orElseThrow().offers(Guidance.LANDMARK)).isTrue();
        assertThat(catalogue.site("FACET_LUMBAR").orElseThrow().offers(Guidance.LANDMARK)).isFalse();
    }
}
