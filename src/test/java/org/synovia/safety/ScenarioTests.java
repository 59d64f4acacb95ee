package org.synovia.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.synovia.safety.PatientFacts.Allergy;
import org.synovia.safety.PatientFacts.InrResult;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;
import org.synovia.shared.Sex;

/** Every engine scenario of the clinical scenario set, with its expected dates and times (D0 = Thu 10 Dec 2026 09:00). */
class ScenarioTests {

    @Test
    void a1ContinuesApixabanBeforeLumbarFacetWithSharedAssessmentPrompt() {
        var procedure = procedure("FACET_LUMBAR", LUMBAR_FACET, Laterality.LEFT, Guidance.CT,
                List.of(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)));
        var result = assess(input(adult().creatinineClearanceMlPerMin(45.0).build(), procedure,
                Medicine.of(Antithrombotic.APIXABAN, 5, DoseFrequency.TWICE_DAILY)));

        assertThat(result.bleedingRisk().asra()).isEqualTo(ProcedureRisk.LOW);
        assertThat(result.bleedingRisk().sir()).isEqualTo(ProcedureRisk.LOW);
        var plan = result.planFor(Antithrombotic.APIXABAN).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.CONTINUE);
        assertThat(plan.lastDose()).isNull();
        assertThat(plan.staffNote()).contains("shared assessment and risk stratification")
                .contains("CrCl is not used for low-risk holds");
        assertThat(plan.sourceAnswers()).extracting(SourceAnswer::answer)
                .anyMatch(a -> a.contains("24 h") && a.contains("optional"));
        assertThat(plan.patientInstruction()).isEqualTo("Keep taking your apixaban as usual.");
        assertThat(result.findingsOf("SAF-018")).isEmpty();
        assertThat(result.mayProceed()).isTrue();
    }

    @Test
    void a3HoldsRivaroxabanFromD4EveningForCervicalFacetWithCrcl25() {
        var result = assess(input(adult().creatinineClearanceMlPerMin(25.0).build(), cervicalFacet(),
                Medicine.of(Antithrombotic.RIVAROXABAN, 15, DoseFrequency.ONCE_DAILY, time(18))));

        assertThat(result.bleedingRisk().chosen()).isEqualTo(ProcedureRisk.HIGH);
        var plan = result.planFor(Antithrombotic.RIVAROXABAN).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.HOLD);
        assertThat(plan.minimumHoursSinceLastDose()).isEqualTo(72);
        assertThat(plan.minimumOmittedDoses()).isEqualTo(3);
        assertThat(plan.lastDose()).isEqualTo(at(-4, 18));
        assertThat(plan.restart()).isEqualTo(at(1, 18));
        assertThat(plan.staffNote()).contains("last dose D−4 18:00").contains("87 h")
                .contains("3 doses omitted").contains("D−3 18:00 would leave only 63 h and 2 doses omitted");
        assertThat(plan.sourceAnswers()).containsExactly(
                new SourceAnswer("ASRA 2018", "(intermediate risk) 3 days (≥ 72 h) since the last dose; restart 24 h"),
                new SourceAnswer("SIR 2019", "(high risk) omit 3 doses (CrCl 25 mL/min); restart 24 h"));
        assertThat(plan.policyChoice()).isEqualTo("doac-hold = BOTH");
        assertThat(plan.patientInstruction()).isEqualTo(
                "Take your last rivaroxaban on Sunday 6 December at 18:00. Restart on Friday 11 December at 18:00.");
        assertThat(result.findingsOf("SAF-010").get(0).sourceAnswers()).extracting(SourceAnswer::answer)
                .containsExactly("intermediate", "high");
    }

    @Test
    void a5ContinuesDabigatranBeforeSacroiliacInjection() {
        var procedure = procedure("SACROILIAC", SACROILIAC, Laterality.LEFT, Guidance.FLUOROSCOPY,
                List.of(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)));
        var result = assess(input(adult().creatinineClearanceMlPerMin(60.0).build(), procedure,
                Medicine.of(Antithrombotic.DABIGATRAN, 110, DoseFrequency.TWICE_DAILY)));

        assertThat(result.bleedingRisk().elevated()).isFalse();
        assertThat(result.planFor(Antithrombotic.DABIGATRAN).orElseThrow().action()).isEqualTo(PlanAction.CONTINUE);
    }

    @Test
    void a7ContinuesWarfarinWithInrInRangeTheDayBefore() {
        var patient = adult().latestInr(new InrResult(2.6, D0.minusDays(1))).build();
        var result = assess(input(patient, trochantericBursa(),
                Medicine.of(Antithrombotic.WARFARIN, 5, DoseFrequency.ONCE_DAILY, time(18))));

        var plan = result.planFor(Antithrombotic.WARFARIN).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.CONTINUE);
        assertThat(plan.inrCheck().limit()).isEqualTo(3.0);
        var finding = result.findingsOf("SAF-012").get(0);
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).contains("do not stop warfarin").contains("INR 2.6 on 9 Dec 2026 (1 day before) is below 3.0");
        assertThat(result.mayProceed()).isTrue();
    }

    @Test
    void a9StopsWarfarinFiveDaysBeforeCervicalFacetAndRestartsThatEvening() {
        var result = assess(input(adult().build(), cervicalFacet(),
                Medicine.of(Antithrombotic.WARFARIN, 3, DoseFrequency.ONCE_DAILY, time(18))));

        var plan = result.planFor(Antithrombotic.WARFARIN).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.HOLD);
        assertThat(plan.lastDose()).isEqualTo(at(-6, 18));
        assertThat(plan.restart()).isEqualTo(at(0, 18));
        assertThat(plan.inrCheck().from()).isEqualTo(D0.minusDays(1));
        assertThat(plan.inrCheck().limit()).isEqualTo(1.2);
        assertThat(plan.inrCheck().rule()).contains("SIR alternative ≤ 1.8");
        assertThat(plan.sourceAnswers()).extracting(SourceAnswer::answer).anyMatch(a -> a.contains("restart the day after"));
        assertThat(plan.staffNote()).contains("bridging only if high thrombotic risk")
                .contains("restart D0 18:00 (Thu 10 Dec 18:00, ASRA 2018 6 h after the procedure)")
                .contains("SIR 2019 restarts the day after the procedure: D+1 18:00");
        assertThat(plan.advisories()).containsExactly("SIR 2019 restarts the day after the procedure: D+1 18:00 (Fri 11 Dec 18:00)");
    }

    @Test
    void a10ContinuesClopidogrelBeforeLumbarMedialBranchBlocks() {
        var result = assess(input(adult().build(), lumbarFacet(),
                Medicine.of(Antithrombotic.CLOPIDOGREL, 75, DoseFrequency.ONCE_DAILY)
                        .withIndication(PreventionIndication.SECONDARY_PREVENTION)));

        assertThat(result.planFor(Antithrombotic.CLOPIDOGREL).orElseThrow().action()).isEqualTo(PlanAction.CONTINUE);
    }

    @Test
    void a13DelaysTheMorningEnoxaparinDoseToThirteenHundred() {
        var result = assess(input(adult().build(), trochantericBursa(),
                Medicine.of(Antithrombotic.ENOXAPARIN_PROPHYLACTIC, 40, DoseFrequency.ONCE_DAILY, time(8))));

        var plan = result.planFor(Antithrombotic.ENOXAPARIN_PROPHYLACTIC).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.HOLD);
        assertThat(plan.lastDose()).isEqualTo(at(-1, 8));
        assertThat(plan.restart()).isEqualTo(at(0, 13));
        assertThat(plan.staffNote()).contains("25 h");
        assertThat(plan.sourceAnswers()).containsExactly(
                new SourceAnswer("ASRA 2018", "(low risk) 12 h since the last dose; restart 4 h after"),
                new SourceAnswer("SIR 2019", "(low risk) do not withhold"));
        assertThat(plan.policyChoice()).isEqualTo("heparin-before-low-risk = ASRA_HOLD");
    }

    @Test
    void a15RoutesSecondaryPreventionAspirinToThePrescriber() {
        var result = assess(input(adult().build(), cervicalFacet(),
                Medicine.of(Antithrombotic.ASPIRIN, 75, DoseFrequency.ONCE_DAILY)
                        .withIndication(PreventionIndication.SECONDARY_PREVENTION)));

        var plan = result.planFor(Antithrombotic.ASPIRIN).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.REFER_TO_PRESCRIBER);
        assertThat(plan.lastDose()).isNull();
        assertThat(plan.staffNote()).contains("no automatic stop")
                .contains("proposed, if a stop is agreed: last dose D−4 08:00")
                .contains("allows up to 5 whole days without a dose before the procedure day: consider a last dose D−6 08:00")
                .contains("restart D+1 08:00");
        assertThat(plan.sourceAnswers()).extracting(SourceAnswer::answer).containsExactly(
                "(intermediate risk) shared assessment and risk stratification (consider holding for higher-risk "
                        + "intermediate procedures)",
                "(high risk) 3–5 days, patient-specific; MDT for high CV risk; restart the day after");
        assertThat(plan.patientInstruction()).startsWith("Do not stop your aspirin");
    }

    @Test
    void r1AsksForJustificationForAKneeReinjectionAtSixWeeks() {
        var previous = new PreviousInjection("KNEE_JOINT", Laterality.LEFT, D0.minusDays(42),
                InjectedAgent.METHYLPREDNISOLONE_ACETATE, 80.0);
        var input = new SafetyInput(adult().build(), List.of(), List.of(previous), List.of(),
                kneeSteroid(Laterality.LEFT, PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 80)));
        var result = assess(input);

        var interval = result.findingsOf("SAF-060").get(0);
        assertThat(interval.severity()).isEqualTo(Severity.WARN);
        assertThat(interval.justificationRequired()).isTrue();
        assertThat(interval.message()).contains("last left knee joint steroid (methylprednisolone acetate 80 mg) 42 days ago")
                .contains("preferred minimum 84").contains("meets the 42-day rule");
        assertThat(result.findingsOf("SAF-061").get(0).message()).contains("counting this one: 2");
        assertThat(result.mayProceed()).isTrue();
    }

    @Test
    void r3BlocksTriamcinoloneHexacetonideRepeatAfterSixteenDays() {
        var previous = new PreviousInjection("KNEE_JOINT", Laterality.RIGHT, D0.minusDays(16),
                InjectedAgent.TRIAMCINOLONE_HEXACETONIDE, 20.0);
        var input = new SafetyInput(adult().build(), List.of(), List.of(previous), List.of(),
                kneeSteroid(Laterality.RIGHT, PlannedDrug.dose(InjectedAgent.TRIAMCINOLONE_HEXACETONIDE, 20)));
        var result = assess(input);

        var finding = result.findingsOf("SAF-062").get(0);
        assertThat(finding.severity()).isEqualTo(Severity.STOP);
        assertThat(finding.message()).contains("16 days ago").contains("earliest day 21 (15 Dec 2026)")
                .contains("preferred day 28 (22 Dec 2026)");
        assertThat(result.mayProceed()).isFalse();
    }

    @Test
    void r5RejectsRoutineSteroidIntoAReplacedKnee() {
        var result = assess(input(adult().prostheticJointAtSite(true).build(),
                kneeSteroid(Laterality.LEFT, PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40))));

        assertThat(result.findingsOf("SAF-023")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.STOP))
                .satisfies(f -> assertThat(f.message()).contains("orthopaedic team"));
    }

    @Test
    void p1ProceedsUnderTheTwentyEightDayRuleAndAsksForTheRecord() {
        var patient = PatientFacts.builder().ageYears(31).sex(Sex.FEMALE).childbearingPotential(true)
                .pregnancy(PregnancyStatus.NOT_PREGNANT, null).menstrualCycle(D0.minusDays(18), 28).build();
        var result = assess(input(patient, lumbarFacet()));

        var finding = result.findingsOf("SAF-050").get(0);
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).contains("28-day rule").contains("LMP 18 days").contains("proceed")
                .contains("record the enquiry, LMP and answer; the operator signs");
        assertThat(result.mayProceed()).isTrue();
    }

    @Test
    void p3RebooksAHighDoseCtWithinTheFirstTenDaysOfTheNextCycle() {
        var patient = PatientFacts.builder().ageYears(27).sex(Sex.FEMALE).pregnancy(PregnancyStatus.NOT_PREGNANT, null)
                .menstrualCycle(D0.minusDays(14), null).build();
        var procedure = new PlannedProcedure("SACROILIAC", SACROILIAC, null, Laterality.RIGHT, Guidance.CT,
                List.of(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)), false, DoseClass.HIGH, START,
                TendonAtRisk.NONE, false);
        var result = assess(input(patient, procedure));

        var finding = result.findingsOf("SAF-050").get(0);
        assertThat(finding.severity()).isEqualTo(Severity.STOP);
        assertThat(finding.message()).contains("10-day rule").contains("cycle day 15")
                .contains("rebook within days 1–10 of the next cycle (about 24 Dec 2026 to 2 Jan 2027)");
    }

    @Test
    void p5NeedsNoRadiationEnquiryForUltrasoundButADrugReview() {
        var patient = PatientFacts.builder().ageYears(30).sex(Sex.FEMALE).pregnancy(PregnancyStatus.PREGNANT, 20).build();
        var procedure = procedure("WRIST_TENDON_SHEATH", WRIST_TENDON_SHEATH, Laterality.RIGHT, Guidance.ULTRASOUND,
                List.of(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 20),
                        PlannedDrug.localAnaesthetic(InjectedAgent.LIDOCAINE, 1, 1)));
        var result = assess(input(patient, procedure));

        assertThat(result.findingsOf("SAF-050")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
                .satisfies(f -> assertThat(f.message()).contains("no IR(ME)R pregnancy enquiry is needed"));
        assertThat(result.findingsOf("SAF-051")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARN))
                .satisfies(f -> assertThat(f.message()).contains("clinician drug-safety review required before booking")
                        .contains("document the shared decision"));
    }

    @Test
    void d1WarnsAnInsulinTreatedPatientAndShowsTheHba1cBanner() {
        var patient = adult().diabetes(DiabetesType.TYPE_2, true, 75).build();
        var result = assess(input(patient,
                kneeSteroid(Laterality.RIGHT, PlannedDrug.dose(InjectedAgent.TRIAMCINOLONE_ACETONIDE, 40))));

        assertThat(result.findingsOf("SAF-030")).extracting(Finding::message)
                .anyMatch(m -> m.contains("mandatory warning") && m.contains("24–72 h") && m.contains("days 1–3")
                        && m.contains("day 7"))
                .anyMatch(m -> m.startsWith("Higher risk of HbA1c rise (baseline >8%: OR 4.79)") && m.contains("9%"))
                .anyMatch(m -> m.contains("10 mg was reported non-inferior"));
        assertThat(result.patientInstructions()).anyMatch(i -> i.contains("first 3 days") && i.contains("7 days"));
        assertThat(result.mayProceed()).isTrue();
    }

    @Test
    void i1DefersABursaInjectionThroughCellulitis() {
        var result = assess(input(adult().infectionAtSite(true).build(), trochantericBursa()));

        assertThat(result.findingsOf("SAF-020")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.STOP))
                .satisfies(f -> assertThat(f.message()).contains("do not inject through infected skin"));
    }

    @Test
    void i3DefersDuringSystemicInfection() {
        var procedure = procedure("SACROILIAC", SACROILIAC, Laterality.LEFT, Guidance.FLUOROSCOPY,
                List.of(PlannedDrug.dose(InjectedAgent.METHYLPREDNISOLONE_ACETATE, 40)));
        var result = assess(input(adult().systemicInfection(true).build(), procedure));

        assertThat(result.findingsOf("SAF-021")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.STOP))
                .satisfies(f -> assertThat(f.message()).contains("defer until resolved"));
    }

    @Test
    void c2ProceedsWithContrastDespiteShellfishAllergy() {
        var lumbar = lumbarFacet();
        var withContrast = new PlannedProcedure(lumbar.siteCode(), lumbar.site(), "L4/5", lumbar.side(), lumbar.guidance(),
                lumbar.drugs(), true, DoseClass.LOW, START, TendonAtRisk.NONE, false);
        var patient = adult().allergies(List.of(new Allergy(AllergyCategory.SHELLFISH, "prawns", "urticaria"))).build();
        var result = assess(input(patient, withContrast));

        assertThat(result.findingsOf("SAF-040")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
                .satisfies(f -> assertThat(f.message()).contains("not a reason to withhold iodinated contrast or to premedicate"));
        assertThat(result.mayProceed()).isTrue();
    }

    @Test
    void l1BlocksTwentyMillilitresOfLidocaineAtFiftyKilograms() {
        var patient = adult().weightKg(50.0).heightCm(165.0).build();
        var procedure = procedure("KNEE_JOINT", KNEE, Laterality.BILATERAL, Guidance.ULTRASOUND,
                List.of(PlannedDrug.localAnaesthetic(InjectedAgent.LIDOCAINE, 1, 20)));
        var result = assess(input(patient, procedure));

        var finding = result.findingsOf("SAF-070").get(0);
        assertThat(finding.severity()).isEqualTo(Severity.STOP);
        assertThat(finding.message()).contains("lidocaine 200 mg of max 150 mg (= 15 mL) = 133%");
        assertThat(finding.sourceAnswers()).extracting(SourceAnswer::answer).contains("225 mg (4.5 mg/kg, max 300 mg)");
        assertThat(finding.policyChoice()).isEqualTo("lidocaine-plain-max = UK_3_MG_PER_KG");
    }

    @Test
    void l4DosesAnObeseWomanOnIdealBodyWeightAndAddsFractions() {
        var patient = PatientFacts.builder().ageYears(50).sex(Sex.FEMALE).weightKg(120.0).heightCm(165.0).build();
        var procedure = procedure("KNEE_JOINT", KNEE, Laterality.RIGHT, Guidance.ULTRASOUND,
                List.of(PlannedDrug.localAnaesthetic(InjectedAgent.LIDOCAINE, 1, 5),
                        PlannedDrug.localAnaesthetic(InjectedAgent.BUPIVACAINE, 0.5, 10)));
        var result = assess(input(patient, procedure));

        var finding = result.findingsOf("SAF-070").get(0);
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.message()).contains("BMI 44.1 ≥ 30: ideal body weight (Devine) 57.2 kg used")
                .contains("lidocaine 50 mg of max 171.6 mg").contains("= 29%")
                .contains("bupivacaine 50 mg of max 114.4 mg").contains("= 44%").contains("total 73%: allowed");
    }

    @Test
    void givesTheHoldWithoutDatesWhenTheProcedureIsNotBooked() {
        var result = assess(input(adult().creatinineClearanceMlPerMin(25.0).build(), unbooked(cervicalFacet()),
                Medicine.of(Antithrombotic.RIVAROXABAN, 15, DoseFrequency.ONCE_DAILY, time(18))));

        var plan = result.planFor(Antithrombotic.RIVAROXABAN).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.HOLD);
        assertThat(plan.lastDose()).isNull();
        assertThat(plan.restart()).isNull();
        assertThat(plan.minimumHoursSinceLastDose()).isEqualTo(72);
        assertThat(plan.minimumOmittedDoses()).isEqualTo(3);
        assertThat(plan.patientInstruction()).contains("at least 72 hours").contains("miss 3 doses")
                .contains("exact dates and times when the injection is booked");
    }

    @Test
    void neverStopsAutomaticallyForAPatientWithARecentStent() {
        var markers = new PatientFacts.ThromboticRiskMarkers(false, LocalDate.of(2026, 6, 1), true, null, null);
        var result = assess(input(adult().thromboticRisk(markers).creatinineClearanceMlPerMin(80.0).build(), cervicalFacet(),
                Medicine.of(Antithrombotic.APIXABAN, 5, DoseFrequency.TWICE_DAILY)));

        var plan = result.planFor(Antithrombotic.APIXABAN).orElseThrow();
        assertThat(plan.action()).isEqualTo(PlanAction.REFER_TO_PRESCRIBER);
        assertThat(plan.lastDose()).isNull();
        assertThat(plan.staffNote()).contains("coronary stent on 1 Jun 2026").contains("[AC-42]")
                .contains("if a stop is agreed");
        assertThat(result.findingsOf("SAF-011")).isNotEmpty();
    }
}
