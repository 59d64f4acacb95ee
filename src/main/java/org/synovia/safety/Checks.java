package org.synovia.safety;

import java.util.ArrayList;
import java.util.List;

import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

/** Collects every problem in one record before throwing, so that a caller sees them all at once. */
final class Checks {

    private final List<FieldProblem> problems = new ArrayList<>();

    Checks required(String field, Object value) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
        }
        return this;
    }

    Checks range(String field, Number value, double min, double max, String unit) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            problems.add(new FieldProblem(field, "must be between " + format(min) + " and " + format(max) + " " + unit));
        }
        return this;
    }

    Checks that(boolean ok, String field, String message) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
        return this;
    }

    void orThrow() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
