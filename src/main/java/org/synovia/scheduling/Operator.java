package org.synovia.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.synovia.shared.Guidance;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

/**
 * A person who injects: a staff account, a grade and competencies.
 *
 * @param siteCodes the injection sites they may inject; empty means every site their guidance allows
 */
public record Operator(UUID id, String username, String displayName, OperatorGrade grade, Set<Guidance> guidance,
        Set<String> siteCodes) {

    public Operator {
        List<FieldProblem> problems = new ArrayList<>();
        username = username == null ? "" : username.strip();
        displayName = displayName == null ? "" : displayName.strip();
        if (username.isEmpty()) {
            problems.add(new FieldProblem("username", "Choose the operator's staff account."));
        }
        if (displayName.isEmpty() || displayName.length() > 120) {
            problems.add(new FieldProblem("displayName", "Give the name patients will see (at most 120 characters)."));
        }
        if (grade == null) {
            problems.add(new FieldProblem("grade", "Choose the operator's grade."));
        }
        if (guidance == null || guidance.isEmpty()) {
            problems.add(new FieldProblem("guidance", "Choose at least one kind of guidance the operator is competent in."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        guidance = Set.copyOf(guidance);
        siteCodes = siteCodes == null ? Set.of() : Set.copyOf(siteCodes);
    }

    /** Competent for this site under this guidance. */
    public boolean competentFor(Guidance g, String siteCode) {
        return guidance.contains(g) && (siteCodes.isEmpty() || siteCodes.contains(siteCode));
    }
}
