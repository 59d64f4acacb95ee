package org.synovia.shared;

import java.util.List;

/**
 * Thrown when input breaks a rule of the domain. Carries every problem, each naming its field, so
 * that a form can show each message beside its field and an API can list them all.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One thing wrong with one field. */
    public record FieldProblem(String field, String message) {
    }
}
