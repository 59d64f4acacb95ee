package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.synovia.safety.FindingAction;
import org.synovia.safety.Medicine;
import org.synovia.safety.PatientFacts.BleedingRiskFactors;
import org.synovia.safety.PatientFacts.ThromboticRiskMarkers;
import org.synovia.safety.PlanAction;
import org.synovia.safety.PreventionIndication;
import org.synovia.safety.ProcedureRisk;
import org.synovia.safety.Severity;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;
import org.synovia.shared.YesNoUnknown;

/**
 * The conventions of docs/clinical-safety/conventions.md, one table each, with exact dates and times
 * (D0 = Thu 10 Dec 2026 09:00; od doses at 08:00 unless a row says otherwise).
 */
class ConventionsTests {

    private static final BleedingRiskFactors OLDER_AGE = new BleedingRiskFactors(true, false, false, false);

    /** 1. Within one source's range the default is the lower bound; the upper bound is an advisory with its date. */
    @ParameterizedTest(name = "{0} (CrCl {1}) → last dose D{2} {3}:00, advisory names {4}")
    @CsvSource({
            // ASRA prasugrel 7–10 days (and SIR 7 whole days): D−8, ASRA's 10 days would give D−10.
            "PRASUGREL,   80, -8, 8,  D−10 08:00",
            // ASRA dabigatran 5–6 days with renal impairment (CrCl 45): 120 h → D−5 08:00, 6 days would give D−6;
            // SIR's 6–8 doses are already omitted by then, so SIR's upper bound adds no advisory.
            "DABIGATRAN,  45, -5, 8,  D−6 08:00",
            // SIR fondaparinux 2–3 whole days at CrCl ≥ 50 against ASRA 4 days: ASRA's 96 h decides; SIR's 3 adds nothing.
            "FONDAPARINUX, 60, -4, 8, ",
            // SIR aspirin 3–5 whole days (primary prevention): D−4, up to D−6.
            "ASPIRIN,     80, -4, 8,  D−6 08:00",
    })
    void takesTheLowerBoundOfARangeAndShowsTheUpper(Antithrombotic drug, double crcl, int lastDay, int lastHour,
            String advisory) {
        DoseFrequency frequency = drug == Antithrombotic.DABIGATRAN ? DoseFrequency.TWICE_DAILY : DoseFrequency.ONCE_DAILY;
        var medicine = Medicine.of(drug, 10, frequency).withIndication(PreventionIndication.PRIMARY_PREVENTION);
        var plan = assess(input(adult().creatinineClearanceMlPerMin(crcl).build(), cervicalFacet(), medicine))
                .planFor(drug).orElseThrow();

        assertThat(plan.action()).isEqualTo(PlanAction.HOLD);
        assertThat(plan.lastDose()).isEqualTo(at(lastDay, lastHour));
        if (advisory == null) {
            assertThat(plan.advisories()).noneMatch(a -> a.contains("allows up to"));
        } else {
            assertThat(plan.advisories()).anySatisfy(a -> assertThat(a).contains("allows up to").contains(advisory));
        }
    }

    /** 2. Across sources the hold satisfies every source's minimum, days and doses alike. */
    @ParameterizedTest(name = "{0} {1} at CrCl {2} → {3} h and {4} doses, last dose D{5} {6}:00")
    @CsvSource({
            // ASRA 72 h; SIR 4 doses (CrCl ≥ 50): D−3 08:00 gives 73 h and 6 doses omitted; D−3 20:00 only 61 h.
            "APIXABAN,    TWICE_DAILY, 60, 72, 4, -3, 8",
            // ASRA 72 h; SIR 6 doses (CrCl < 50): D−3 08:00 still satisfies both.
            "APIXABAN,    TWICE_DAILY, 49, 72, 6, -3, 8",
            // ASRA 72 h; SIR 3 doses (CrCl 15–29): D−3 08:00 (73 h, 3 doses: D−2, D−1 and D0 08:00).
            "RIVAROXABAN, ONCE_DAILY,  29, 72, 3, -3, 8",
            // ASRA dabigatran 4 days (96 h); SIR 4 doses (CrCl ≥ 50): the hours decide → D−4 08:00.
            "DABIGATRAN,  TWICE_DAILY, 60, 96, 4, -4, 8",
    })
    void satisfiesEverySourcesMinimum(Antithrombotic drug, DoseFrequency frequency, double crcl, int hours, int doses,
            int lastDay, int lastHour) {
        var plan = assess(input(adult().creatinineClearanceMlPerMin(crcl).build(), cervicalFacet(),
                Medicine.of(drug, 5, frequency))).planFor(drug).orElseThrow();

        assertThat(plan.minimumHoursSinceLastDose()).isEqualTo(hours);
        assertThat(plan.minimumOmittedDoses()).isEqualTo(doses);
        assertThat(plan.lastDose()).isEqualTo(at(lastDay, lastHour));
        assertThat(plan.sourceAnswers()).extracting(a -> a.source()).containsExactly("ASRA 2018", "SIR 2019");
    }

    /** 3. The restart is the earliest scheduled dose any holding source permits; the later ones are shown. */
    @ParameterizedTest(name = "{0} {1} at {2}:00 → restart D{3} {4}:00 ({5})")
    @CsvSource({
            // Warfarin: ASRA 6 h (15:00) beats SIR's day after → the 18:00 dose on D0 (scenario A9).
            "WARFARIN,                ONCE_DAILY,  18, 0, 18, SIR 2019 restarts the day after",
            // Prophylactic LMWH, cervical facet: ASRA 12–24 h read as 12 h, SIR 12 h → 21:00 → the D+1 20:00 dose.
            "ENOXAPARIN_PROPHYLACTIC, ONCE_DAILY,  20, 1, 20, ",
            // Therapeutic LMWH bd: 12 h → 21:00 → D+1 08:00 (never one blanket 24 h, which would give D+1 20:00).
            "ENOXAPARIN_THERAPEUTIC,  TWICE_DAILY, 8,  1, 8,  ",
            // Subcutaneous heparin: ASRA 2 h (11:00) beats SIR 6 h; the SIR restart is shown.
            "HEPARIN_SUBCUTANEOUS,    TWICE_DAILY, 8,  0, 20, ",
            // Rivaroxaban: both 24 h.
            "RIVAROXABAN,             ONCE_DAILY,  18, 1, 18, ",
    })
    void restartsAtTheEarliestDoseAnySourcePermits(Antithrombotic drug, DoseFrequency frequency, int doseHour,
            int restartDay, int restartHour, String laterShown) {
        var medicine = frequency == DoseFrequency.ONCE_DAILY ? Medicine.of(drug, 40, frequency, time(doseHour))
                : Medicine.of(drug, 40, frequency, time(doseHour), time(doseHour + 12));
        var plan = assess(input(adult().creatinineClearanceMlPerMin(80.0).build(), cervicalFacet(), medicine))
                .planFor(drug).orElseThrow();

        assertThat(plan.restart()).isEqualTo(at(restartDay, restartHour));
        if (laterShown != null) {
            assertThat(plan.advisories()).anySatisfy(a -> assertThat(a).contains(laterShown));
        }
    }

    /** 4. The patient-factor upgrade moves ASRA only; a stop that exists only because of it goes to the prescriber. */
    @ParameterizedTest(name = "lumbar facet, older age {0}, {1} → ASRA {2}, SIR {3}, {4}")
    @CsvSource({
            "false, CLOPIDOGREL, LOW,          LOW, CONTINUE",
            "true,  CLOPIDOGREL, INTERMEDIATE, LOW, REFER_TO_PRESCRIBER",
            "false, APIXABAN,    LOW,          LOW, CONTINUE",
            "true,  APIXABAN,    INTERMEDIATE, LOW, REFER_TO_PRESCRIBER",
            "true,  WARFARIN,    INTERMEDIATE, LOW, REFER_TO_PRESCRIBER",
            "true,  ASPIRIN,     INTERMEDIATE, LOW, CONTINUE",
    })
    void upgradesOnlyAsraAndNeverStopsAutomaticallyForTheUpgradeAlone(boolean olderAge, Antithrombotic drug,
            ProcedureRisk asra, ProcedureRisk sir, PlanAction action) {
        var patient = adult().bleedingRiskFactors(new BleedingRiskFactors(olderAge, false, false, false)).build();
        var medicine = Medicine.of(drug, 5, DoseFrequency.ONCE_DAILY).withIndication(PreventionIndication.PRIMARY_PREVENTION);
        var result = assess(input(patient, lumbarFacet(), medicine));

        assertThat(result.bleedingRisk().asra()).isEqualTo(asra);
        assertThat(result.bleedingRisk().sir()).isEqualTo(sir);
        var plan = result.planFor(drug).orElseThrow();
        assertThat(plan.action()).isEqualTo(action);
        assertThat(plan.lastDose()).isNull();
        if (action == PlanAction.REFER_TO_PRESCRIBER) {
            assertThat(plan.staffNote()).contains("Only ASRA's patient-factor upgrade (older age) asks for a stop")
                    .contains("proposed, if a stop is agreed: last dose");
            assertThat(plan.sourceAnswers()).anySatisfy(a -> assertThat(a.answer())
                    .startsWith("(low risk)").doesNotContain("withhold 5"));
        }
    }

    @Test
    void keepsTheLowRiskInrCheckWhileAWarfarinStopAwaitsThePrescriber() {
        var patient = adult().bleedingRiskFactors(OLDER_AGE).build();
        var plan = assess(input(patient, lumbarFacet(), Medicine.of(Antithrombotic.WARFARIN, 3, DoseFrequency.ONCE_DAILY,
                time(18)))).planFor(Antithrombotic.WARFARIN).orElseThrow();

        assertThat(plan.action()).isEqualTo(PlanAction.REFER_TO_PRESCRIBER);
        assertThat(plan.inrCheck().limit()).isEqualTo(3.0);
        assertThat(plan.patientInstruction()).startsWith("Do not stop your warfarin");
    }

    /** 5. Severity means what it says: a dual antiplatelet period blocks booking while any source asks for a stop. */
    @ParameterizedTest(name = "stent {0} months before, DAPT {1}, {2} → {3}")
    @CsvSource({
            // Cervical facet: SIR high asks to hold clopidogrel → STOP; rebook after the 12 months.
            "3,  NO,        cervical, STOP",
            // Recorded DAPT with no stent date, cervical facet → STOP.
            ",   YES,       cervical, STOP",
            // Stent 13 months ago, no DAPT → no period; the plan is an ordinary referral (secondary prevention).
            "13, NO,        cervical, WARN_OR_LESS",
            // Knee-like low-risk site where no source asks to hold (single antiplatelet): not blocked.
            "3,  NO,        bursa,    WARN_OR_LESS",
    })
    void blocksBookingInADualAntiplateletPeriodWhenASourceAsksForAStop(Integer stentMonthsAgo, YesNoUnknown dapt,
            String site, String expected) {
        LocalDate stent = stentMonthsAgo == null ? null : D0.minusMonths(stentMonthsAgo);
        var patient = adult().bleedingRiskFactors(BleedingRiskFactors.NONE)
                .thromboticRisk(new ThromboticRiskMarkers(YesNoUnknown.NO, stent, dapt, null, null)).build();
        var result = assess(input(patient, site.equals("cervical") ? cervicalFacet() : trochantericBursa(),
                Medicine.of(Antithrombotic.CLOPIDOGREL, 75, DoseFrequency.ONCE_DAILY)
                        .withIndication(PreventionIndication.SECONDARY_PREVENTION)));

        var findings = result.findingsOf("SAF-011");
        if (expected.equals("STOP")) {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.STOP);
                assertThat(f.message()).contains("Do not book").contains("[AC-42]");
                assertThat(f.actions()).extracting(FindingAction::kind).contains(FindingAction.Kind.OVERRIDE_WITH_REASON,
                        FindingAction.Kind.AGREE_WITH_PRESCRIBER);
            });
            if (stent != null) {
                assertThat(findings.getFirst().actions()).anySatisfy(a -> {
                    assertThat(a.kind()).isEqualTo(FindingAction.Kind.REBOOK_AFTER);
                    assertThat(a.from()).isEqualTo(stent.plusMonths(12));
                });
            }
            assertThat(result.mayProceed()).isFalse();
        } else {
            assertThat(findings).allSatisfy(f -> assertThat(f.severity()).isNotEqualTo(Severity.STOP));
            assertThat(result.planFor(Antithrombotic.CLOPIDOGREL).orElseThrow().action()).isNotEqualTo(PlanAction.HOLD);
        }
    }

    /** 6. Unknown is not no: each yes/no fact answered yes, no or not known gives a different finding. */
    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource({
            "infectionAtSite,       YES,       STOP",
            "infectionAtSite,       NO,        NONE",
            "infectionAtSite,       NOT_KNOWN, INFO",
            "suspectedSepticJoint,  YES,       STOP",
            "suspectedSepticJoint,  NO,        NONE",
            "suspectedSepticJoint,  NOT_KNOWN, INFO",
            "systemicInfection,     YES,       STOP",
            "systemicInfection,     NO,        NONE",
            "systemicInfection,     NOT_KNOWN, INFO",
            "prostheticJointAtSite, YES,       STOP",
            "prostheticJointAtSite, NO,        NONE",
            "prostheticJointAtSite, NOT_KNOWN, INFO",
    })
    void treatsNotKnownAsItsOwnAnswer(String fact, YesNoUnknown answer, String expected) {
        var builder = adult();
        String ruleId = switch (fact) {
            case "infectionAtSite" -> { builder.infectionAtSite(answer); yield new InfectionAtSiteRule().id(); }
            case "suspectedSepticJoint" -> { builder.suspectedSepticJoint(answer); yield new SepticJointRule().id(); }
            case "systemicInfection" -> { builder.systemicInfection(answer); yield new SystemicInfectionRule().id(); }
            default -> { builder.prostheticJointAtSite(answer); yield new ProstheticJointRule().id(); }
        };
        var findings = assess(input(builder.build(), trochantericBursa())).findingsOf(ruleId);

        if (expected.equals("NONE")) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().extracting(f -> f.severity().name()).isEqualTo(expected);
        }
        if (answer == YesNoUnknown.NOT_KNOWN) {
            assertThat(findings.getFirst().message()).containsAnyOf("not recorded", "not asked");
        }
    }

    @Test
    void saysWhenThePatientFactorUpgradeCouldNotBeAssessed() {
        var result = assess(input(adult().build(), lumbarFacet(), Medicine.of(Antithrombotic.APIXABAN, 5,
                DoseFrequency.TWICE_DAILY)));

        assertThat(result.findingsOf("SAF-010").getFirst().message())
                .contains("not recorded: older age, bleeding tendency, advanced liver disease, advanced renal disease");
        assertThat(result.bleedingRisk().asra()).isEqualTo(ProcedureRisk.LOW);
    }
}
