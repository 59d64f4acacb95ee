package org.synovia.planning;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the optimiser plans with, as plain values read once from the other modules: the open slots of the
 * chosen weeks and rooms, and the patients waiting for them. Nothing in it touches the database, so the
 * solver, its tests and the benchmark share one shape.
 */
public record PlanningProblem(LocalDate today, ZoneId zone, List<OpenSlot> slots, List<WaitingPatient> patients) {

    public PlanningProblem {
        slots = List.copyOf(slots);
        patients = List.copyOf(patients);
    }
}
