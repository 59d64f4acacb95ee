package org.synovia.safety;

import java.util.List;

/** Everything the engine checks: the patient, their medicines and history, and the planned injection. */
public record SafetyInput(PatientFacts patient, List<Medicine> medicines, List<PreviousInjection> previousInjections,
        List<Vaccination> vaccinations, PlannedProcedure procedure) {

    public SafetyInput {
        medicines = List.copyOf(medicines == null ? List.of() : medicines);
        previousInjections = List.copyOf(previousInjections == null ? List.of() : previousInjections);
        vaccinations = List.copyOf(vaccinations == null ? List.of() : vaccinations);
        new Checks().required("patient", patient).required("procedure", procedure).orThrow();
    }
}
