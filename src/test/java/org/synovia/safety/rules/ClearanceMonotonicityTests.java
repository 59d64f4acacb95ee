package org.synovia.safety.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.synovia.safety.SafetyFixtures.*;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.synovia.safety.MedicationPlan;
import org.synovia.safety.Medicine;
import org.synovia.safety.PatientFacts.BleedingRiskFactors;
import org.synovia.safety.PlannedProcedure;
import org.synovia.safety.SafetyInput;
import org.synovia.shared.Antithrombotic;
import org.synovia.shared.DoseFrequency;

/**
 * Property: for any patient, drug, dosing times and procedure, a lower creatinine clearance never
 * gives a shorter hold (facts AC-23..26, AC-37). Inputs come from a seeded {@link Random} so that a
 * failure can be replayed.
 */
class ClearanceMonotonicityTests {

    private static final long SEED = 20261210L;
    private static final int CASES = 600;
    private static final List<Antithrombotic> RENALLY_BANDED = List.of(Antithrombotic.APIXABAN, Antithrombotic.RIVAROXABAN,
            Antithrombotic.EDOXABAN, Antithrombotic.DABIGATRAN, Antithrombotic.FONDAPARINUX);

    @Test
    void neverShortensAHoldWhenClearanceFalls() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES; i++) {
            Antithrombotic drug = RENALLY_BANDED.get(random.nextInt(RENALLY_BANDED.size()));
            boolean twiceDaily = random.nextBoolean();
            LocalTime first = LocalTime.of(5 + random.nextInt(6), random.nextBoolean() ? 0 : 30);
            Medicine medicine = twiceDaily
                    ? Medicine.of(drug, 5, DoseFrequency.TWICE_DAILY, first, first.plusHours(12))
                    : Medicine.of(drug, 5, DoseFrequency.ONCE_DAILY, LocalTime.of(random.nextInt(24), 0));
            PlannedProcedure procedure = random.nextBoolean() ? cervicalFacet() : trochantericBursa();
            if (random.nextInt(4) == 0) {
                procedure = unbooked(procedure);
            }
            boolean olderAge = random.nextBoolean();
            double higher = 5 + random.nextInt(1450) / 10.0;
            double lower = higher - random.nextInt((int) Math.max(1, higher * 10)) / 10.0;

            MedicationPlan atHigher = plan(drug, medicine, procedure, olderAge, higher);
            MedicationPlan atLower = plan(drug, medicine, procedure, olderAge, lower);

            String replay = "case " + i + ": " + drug + " " + medicine.frequency() + " " + medicine.doseTimes() + " at "
                    + procedure.siteCode() + (procedure.start() == null ? " (unbooked)" : "") + ", CrCl " + lower + " vs " + higher;
            assertThat(rank(atLower, procedure)).as(replay).isGreaterThanOrEqualTo(rank(atHigher, procedure));
            assertThat(value(atLower.minimumOmittedDoses())).as(replay).isGreaterThanOrEqualTo(value(atHigher.minimumOmittedDoses()));
            assertThat(value(atLower.minimumWholeDaysOff())).as(replay).isGreaterThanOrEqualTo(value(atHigher.minimumWholeDaysOff()));
            assertThat(value(atLower.minimumHoursSinceLastDose())).as(replay)
                    .isGreaterThanOrEqualTo(value(atHigher.minimumHoursSinceLastDose()));
        }
    }

    private static MedicationPlan plan(Antithrombotic drug, Medicine medicine, PlannedProcedure procedure, boolean olderAge,
            double clearance) {
        var patient = adult().creatinineClearanceMlPerMin(clearance)
                .bleedingRiskFactors(new BleedingRiskFactors(olderAge, false, false, false)).build();
        return assess(new SafetyInput(patient, List.of(medicine), null, null, procedure)).planFor(drug).orElseThrow();
    }

    /** Continue < hold (longer gap ranks higher) < refer to prescriber (no automatic restart at all). */
    private static long rank(MedicationPlan plan, PlannedProcedure procedure) {
        return switch (plan.action()) {
            case CONTINUE -> 0;
            case REFER_TO_PRESCRIBER -> Long.MAX_VALUE;
            case HOLD -> plan.lastDose() == null ? 1 : Duration.between(plan.lastDose(), procedure.start()).toMinutes();
        };
    }

    private static int value(Integer number) {
        return number == null ? 0 : number;
    }
}
