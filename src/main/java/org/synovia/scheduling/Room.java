package org.synovia.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

/**
 * A room and the guidance its equipment allows (a clinic room offers landmark injections only).
 *
 * @param location where the patient goes, as the appointment letter says it
 */
public record Room(UUID id, String name, String location, Set<Guidance> guidance) {

    public Room {
        List<FieldProblem> problems = new ArrayList<>();
        name = name == null ? "" : name.strip();
        location = location == null ? "" : location.strip();
        if (name.isEmpty() || name.length() > 80) {
            problems.add(new FieldProblem("name", "Give the room a name of at most 80 characters."));
        }
        if (location.isEmpty() || location.length() > 300) {
            problems.add(new FieldProblem("location", "Say where the room is (at most 300 characters); the letter tells patients."));
        }
        if (guidance == null || guidance.isEmpty()) {
            problems.add(new FieldProblem("guidance", "Choose at least one kind of guidance the room is equipped for."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        guidance = Set.copyOf(guidance);
    }
}
