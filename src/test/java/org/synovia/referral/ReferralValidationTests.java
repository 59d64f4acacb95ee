package org.synovia.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.synovia.testing.RecordCopies.with;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.catalogue.InjectionSite;
import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Laterality;

class ReferralValidationTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final InjectionSite KNEE = site("KNEE_JOINT", true, false);
    private static final InjectionSite LUMBAR_FACET = site("FACET_LUMBAR", true, true);

    private static InjectionSite site(String code, boolean lateral, boolean spinal) {
        return new InjectionSite(code, code, "Region", InjectionSite.Structure.JOINT, Guidance.ULTRASOUND, List.of(),
                lateral, spinal, InjectionSite.JointSize.LARGE, InjectionSite.BleedingClass.PERIPHERAL, null, null, false);
    }

    private static Optional<InjectionSite> sites(String code) {
        return Optional.ofNullable(switch (code) {
            case "KNEE_JOINT" -> KNEE;
            case "FACET_LUMBAR" -> LUMBAR_FACET;
            default -> null;
        });
    }

    private final ReferralDetails valid = ReferralFixtures.kneeOnApixaban(UUID.randomUUID());

    private static List<String> fieldsWithProblems(ReferralDetails details) {
        try {
            ReferralValidation.check(details, TODAY, ReferralValidationTests::sites);
            return List.of();
        }
        catch (InvalidInputException e) {
            return e.problems().stream().map(p -> p.field() + ": " + p.message()).toList();
        }
    }

    @Test
    void acceptsTheFixture() {
        assertThatCode(() -> ReferralValidation.check(valid, TODAY, ReferralValidationTests::sites)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "weight {0} kg valid: {1}")
    @CsvSource({"1.9, false", "2, true", "2.1, true", "349.9, true", "350, true", "350.1, false"})
    void checksWeightAtItsLimits(BigDecimal weight, boolean valid) {
        assertThat(fieldsWithProblems(with(this.valid, "weightKg", weight)).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "eGFR {0} valid: {1}")
    @CsvSource({"0, false", "1, true", "2, true", "199, true", "200, true", "201, false"})
    void checksEgfrAtItsLimits(int egfr, boolean valid) {
        assertThat(fieldsWithProblems(with(this.valid, "egfr", egfr)).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "creatinine {0} valid: {1}")
    @CsvSource({"9, false", "10, true", "2000, true", "2001, false"})
    void checksCreatinineAtItsLimits(int creatinine, boolean valid) {
        assertThat(fieldsWithProblems(with(this.valid, "creatinineUmolPerL", creatinine)).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest(name = "HbA1c {0} valid: {1}")
    @CsvSource({"19, false", "20, true", "200, true", "201, false"})
    void checksHba1cAtItsLimits(int hba1c, boolean valid) {
        assertThat(fieldsWithProblems(with(this.valid, "hba1cMmolPerMol", hba1c)).isEmpty()).isEqualTo(valid);
    }

    @Test
    void requiresATestDateWithAKidneyResultAndRefusesAFutureOne() {
        assertThat(fieldsWithProblems(with(valid, "renalTestDate", null)))
                .containsExactly("renalTestDate: Enter the date of the blood test.");
        assertThat(fieldsWithProblems(with(valid, "renalTestDate", TODAY.plusDays(1))))
                .containsExactly("renalTestDate: The date cannot be in the future.");
    }

    @Test
    void refusesOversizedClinicalQuestion() {
        assertThat(fieldsWithProblems(with(valid, "clinicalQuestion", "x".repeat(2000)))).isEmpty();
        assertThat(fieldsWithProblems(with(valid, "clinicalQuestion", "x".repeat(2001))))
                .containsExactly("clinicalQuestion: Use at most 2000 characters (this has 2001).");
    }

    @Test
    void keepsMarkupAsPlainTextForTheViewToEscape() {
        assertThat(fieldsWithProblems(with(valid, "clinicalQuestion", "<script>alert('x')</script> pain"))).isEmpty();
    }

    @Test
    void asksForTheSideOfALateralSiteAndRefusesOneForAMidlineSite() {
        assertThat(fieldsWithProblems(with(valid, "laterality", Laterality.NOT_APPLICABLE)))
                .containsExactly("laterality: Say which side: left, right or both.");
    }

    @Test
    void asksForASpinalLevelOnlyForSpinalSites() {
        ReferralDetails facet = with(valid, "siteCode", "FACET_LUMBAR");
        assertThat(fieldsWithProblems(facet)).containsExactly("spinalLevel: Give the spinal level, for example L4/5.");
        assertThat(fieldsWithProblems(with(facet, "spinalLevel", "L4/5, L5/S1"))).isEmpty();
        assertThat(fieldsWithProblems(with(facet, "spinalLevel", "lower back"))).hasSize(1);
        assertThat(fieldsWithProblems(with(valid, "spinalLevel", "L4/5")))
                .containsExactly("spinalLevel: A spinal level applies only to spinal sites.");
    }

    @Test
    void refusesASiteOutsideTheCatalogue() {
        assertThat(fieldsWithProblems(with(valid, "siteCode", "NOSE"))).containsExactly("siteCode: This site is not in the catalogue.");
    }

    @Test
    void insistsOnAllergiesOrNoKnownAllergiesButNotBoth() {
        assertThat(fieldsWithProblems(with(valid, "noKnownAllergies", true))).hasSize(1);
        assertThat(fieldsWithProblems(with(valid, "allergies", List.of())))
                .containsExactly("noKnownAllergies: List the patient's allergies, or tick 'No known allergies'.");
    }

    @Test
    void namesTheRowOfABadListEntry() {
        ReferralDetails badDose = with(valid, "antithrombotics", List.of(
                new ReferralDetails.AntithromboticMedicine(org.synovia.shared.Antithrombotic.WARFARIN, null,
                        org.synovia.shared.DoseFrequency.ONCE_DAILY, "6pm")));
        assertThat(fieldsWithProblems(badDose)).containsExactly(
                "antithrombotics[0].dose: Enter the dose, for example 5 mg.",
                "antithrombotics[0].doseTimes: Write times as 24-hour clock, for example 08:00, 20:00.");
    }

    @Test
    void refusesInsulinWithoutDiabetes() {
        assertThat(fieldsWithProblems(with(with(valid, "diabetes", DiabetesType.NONE), "hba1cMmolPerMol", null)))
                .containsExactly("takesInsulin: Insulin is recorded but no diabetes is recorded.");
    }

    @Test
    void reportsEveryMissingRequiredAnswer() {
        ReferralDetails empty = new ReferralDetails(null, null, null, null, null, null, null, null, null, null, null, null,
                false, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false, null, null, null,
                null, null, null, null, null, null, null, null, null, null, false, null, null, null);
        assertThat(fieldsWithProblems(empty)).extracting(s -> s.substring(0, s.indexOf(':'))).containsExactlyInAnyOrder(
                "patientId", "siteCode", "intent", "indication", "clinicalQuestion", "noKnownAllergies", "diabetes",
                "pregnancy", "urgency", "requestedInjectate", "referrerSetting", "referrerName", "referrerOrganisation");
    }

    /** The knee of the fixture plus the further targets given. */
    private ReferralDetails withTargets(ReferralDetails.Target... targets) {
        return with(valid, "additionalTargets", List.of(targets));
    }

    @ParameterizedTest(name = "target {0} {1} {2} {3}: {4}")
    @CsvSource(nullValues = "null", delimiter = '|', textBlock = """
            FACET_LUMBAR | LEFT           | L4/5      | LOCAL_ANAESTHETIC_ONLY                | none
            FACET_LUMBAR | BILATERAL      | L3/4, L4/5 | CORTICOSTEROID_WITH_LOCAL_ANAESTHETIC | none
            KNEE_JOINT   | RIGHT          | null      | RADIOLOGIST_TO_ADVISE                 | none
            null         | LEFT           | null      | LOCAL_ANAESTHETIC_ONLY                | additionalTargets[0].siteCode: Choose the site of this target, or clear the row.
            NOSE         | LEFT           | null      | LOCAL_ANAESTHETIC_ONLY                | additionalTargets[0].siteCode: This site is not in the catalogue.
            KNEE_JOINT   | null           | null      | LOCAL_ANAESTHETIC_ONLY                | additionalTargets[0].laterality: Choose the side.
            KNEE_JOINT   | NOT_APPLICABLE | null      | LOCAL_ANAESTHETIC_ONLY                | additionalTargets[0].laterality: Say which side: left, right or both.
            FACET_LUMBAR | LEFT           | null      | LOCAL_ANAESTHETIC_ONLY                | additionalTargets[0].spinalLevel: Give the spinal level, for example L4/5.
            FACET_LUMBAR | LEFT           | low back  | LOCAL_ANAESTHETIC_ONLY                | additionalTargets[0].spinalLevel: Write levels like L4/5 or C5/6, separated by commas.
            KNEE_JOINT   | RIGHT          | L4/5      | LOCAL_ANAESTHETIC_ONLY                | additionalTargets[0].spinalLevel: A spinal level applies only to spinal sites.
            KNEE_JOINT   | RIGHT          | null      | null                                  | additionalTargets[0].requestedInjectate: Choose what should be injected at this target, or ask the radiologist to advise.
            KNEE_JOINT   | LEFT           | null      | LOCAL_ANAESTHETIC_ONLY                | additionalTargets[0].siteCode: This target is already listed: give each site, side and level once.
            """)
    void checksEachFurtherTargetUnderItsOwnRow(String siteCode, Laterality side, String level, RequestedInjectate injectate,
            String problem) {
        assertThat(fieldsWithProblems(withTargets(new ReferralDetails.Target(siteCode, side, level, injectate))))
                .containsExactlyElementsOf(problem.equals("none") ? List.of() : List.of(problem));
    }

    @Test
    void namesTheSecondFurtherTargetByItsOwnIndex() {
        ReferralDetails details = withTargets(
                new ReferralDetails.Target("FACET_LUMBAR", Laterality.LEFT, "L4/5", RequestedInjectate.LOCAL_ANAESTHETIC_ONLY),
                new ReferralDetails.Target("FACET_LUMBAR", Laterality.LEFT, " l4/5 ", RequestedInjectate.LOCAL_ANAESTHETIC_ONLY));
        assertThat(fieldsWithProblems(details)).containsExactly(
                "additionalTargets[1].siteCode: This target is already listed: give each site, side and level once.");
    }

    @ParameterizedTest(name = "{0} further targets valid: {1}")
    @CsvSource({"0, true", "1, true", "3, true", "4, false"})
    void allowsAtMostThreeFurtherTargets(int count, boolean valid) {
        String[] levels = {"L1/2", "L2/3", "L3/4", "L4/5"};
        ReferralDetails.Target[] targets = new ReferralDetails.Target[count];
        for (int i = 0; i < count; i++) {
            targets[i] = new ReferralDetails.Target("FACET_LUMBAR", Laterality.RIGHT, levels[i],
                    RequestedInjectate.LOCAL_ANAESTHETIC_ONLY);
        }
        List<String> problems = fieldsWithProblems(withTargets(targets));
        assertThat(problems.isEmpty()).isEqualTo(valid);
        if (!valid) {
            assertThat(problems).containsExactly(
                    "additionalTargets: At most 3 further targets in one session; refer the others separately.");
        }
    }
}
