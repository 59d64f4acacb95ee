package org.synovia.safety;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything the engine checks: the patient, their medicines and history, the planned injection, and
 * any local anaesthetic already given in the 24 hours before it (another procedure that day), which
 * counts towards the 24-hour maximum (facts LA-02, LA-03).
 */
public record SafetyInput(PatientFacts patient, List<Medicine> medicines, List<PreviousInjection> previousInjections,
        List<Vaccination> vaccinations, PlannedProcedure procedure, List<GivenDrug> localAnaestheticLast24h) {

    /** A drug given earlier, with when. */
    public record GivenDrug(PlannedDrug drug, LocalDateTime givenAt) {

        public GivenDrug {
            new Checks().required("drug", drug).required("givenAt", givenAt).orThrow();
        }
    }

    public SafetyInput {
        medicines = List.copyOf(medicines == null ? List.of() : medicines);
        previousInjections = List.copyOf(previousInjections == null ? List.of() : previousInjections);
        vaccinations = List.copyOf(vaccinations == null ? List.of() : vaccinations);
        localAnaestheticLast24h = List.copyOf(localAnaestheticLast24h == null ? List.of() : localAnaestheticLast24h);
        new Checks().required("patient", patient).required("procedure", procedure).orThrow();
    }

    public SafetyInput(PatientFacts patient, List<Medicine> medicines, List<PreviousInjection> previousInjections,
            List<Vaccination> vaccinations, PlannedProcedure procedure) {
        this(patient, medicines, previousInjections, vaccinations, procedure, List.of());
    }
}
