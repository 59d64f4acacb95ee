package org.synovia.safety;

import java.time.LocalDate;

/** A vaccine dose given or planned (facts CI-15). */
public record Vaccination(VaccineType type, LocalDate date) {

    public Vaccination {
        new Checks().required("type", type).required("date", date).orThrow();
    }
}
