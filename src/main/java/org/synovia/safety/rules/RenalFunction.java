package org.synovia.safety.rules;

import java.time.LocalDate;
import java.util.Optional;

import org.synovia.safety.PatientFacts;
import org.synovia.shared.Sex;

/**
 * Creatinine clearance by Cockcroft–Gault on actual body weight, the DOAC SmPC convention (facts
 * AC-41, L): CrCl (mL/min) = (140 − age) × weight (kg) × K / creatinine (µmol/L), K = 1.23 for men and
 * 1.04 for women. When sex is not recorded the female constant is used (the lower clearance, so the
 * longer hold). When both a calculated and a stated clearance exist, the lower is used.
 */
final class RenalFunction {

    static final double MALE_CONSTANT = 1.23;
    static final double FEMALE_CONSTANT = 1.04;
    static final int AGE_OFFSET_YEARS = 140;

    private RenalFunction() {
    }

    static Optional<Double> creatinineClearance(PatientFacts patient, LocalDate on) {
        Optional<Double> calculated = cockcroftGault(patient, on);
        Optional<Double> stated = Optional.ofNullable(patient.creatinineClearanceMlPerMin());
        if (calculated.isPresent() && stated.isPresent()) {
            return Optional.of(Math.min(calculated.get(), stated.get()));
        }
        return calculated.or(() -> stated);
    }

    static Optional<Double> cockcroftGault(PatientFacts patient, LocalDate on) {
        Integer age = patient.ageOn(on);
        if (age == null || patient.weightKg() == null || patient.creatinineUmolPerL() == null) {
            return Optional.empty();
        }
        double constant = patient.sex() == Sex.MALE ? MALE_CONSTANT : FEMALE_CONSTANT;
        double clearance = (AGE_OFFSET_YEARS - age) * patient.weightKg() * constant / patient.creatinineUmolPerL();
        return Optional.of(Math.max(0, Math.round(clearance * 10) / 10.0));
    }
}
