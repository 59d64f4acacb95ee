package org.synovia.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.shared.Secrets;

class ConsentDocumentTests {

    @ParameterizedTest(name = "[{index}] joint={0} tendon={1} steroid={2} diabetic={4} anticoagulant={5}")
    @CsvSource(textBlock = """
            true,  false, true,  true,  false, false, false, INFECTION BLEEDING ALLERGIC_REACTION NUMBNESS_WEAKNESS FLARE SKIN_THINNING FACIAL_FLUSHING CRYSTAL_FLARE
            true,  false, true,  true,  true,  true,  false, INFECTION BLEEDING ALLERGIC_REACTION NUMBNESS_WEAKNESS FLARE SKIN_THINNING FACIAL_FLUSHING GLUCOSE_RISE CRYSTAL_FLARE BLEEDING_INTO_JOINT
            false, true,  true,  true,  false, false, true,  INFECTION BLEEDING ALLERGIC_REACTION NUMBNESS_WEAKNESS FLARE SKIN_THINNING FAT_LOSS FACIAL_FLUSHING TENDON_RUPTURE
            true,  false, false, false, true,  true,  false, INFECTION BLEEDING ALLERGIC_REACTION BLEEDING_INTO_JOINT
            """)
    void takesTheRisksFromTheCatalogueForTheSiteAndDrugs(boolean joint, boolean tendon, boolean steroid, boolean anaesthetic,
            boolean diabetic, boolean anticoagulant, boolean superficial, String expected) {
        List<ConsentRisk> risks = ConsentDocument.risksFor(new ConsentDocument.Facts(joint, tendon, steroid, anaesthetic,
                diabetic, anticoagulant, superficial));

        assertThat(risks).containsExactlyElementsOf(Arrays.stream(expected.split(" ")).map(ConsentRisk::valueOf).toList());
    }

    @Test
    void showsRatesBenefitsAndAlternativesAndHashesTheExactText() {
        ConsentDocument.Facts facts = new ConsentDocument.Facts(true, false, true, true, false, false, false);
        ConsentDocument knee = ConsentDocument.of("Ultrasound-guided injection of the knee joint (right)", facts);
        ConsentDocument left = ConsentDocument.of("Ultrasound-guided injection of the knee joint (left)", facts);

        assertThat(knee.version()).isEqualTo("consent-v1");
        assertThat(knee.text()).contains("Infection in the joint or tissues: rare: about 1 in 3,000 to 1 in 50,000")
                .contains("about 1 to 2 in 100").contains("No injection").contains("Physiotherapy")
                .contains("without imaging guidance").contains("Benefits:");
        assertThat(knee.sha256()).hasSize(64).isEqualTo(Secrets.sha256Hex(knee.text())).isNotEqualTo(left.sha256());
    }
}
