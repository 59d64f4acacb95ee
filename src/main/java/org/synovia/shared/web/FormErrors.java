package org.synovia.shared.web;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;
import org.synovia.shared.InvalidInputException;

/** Puts each domain problem beside its form field, or at the top of the form when it has none. */
public final class FormErrors {

    private FormErrors() {
    }

    public static void bind(InvalidInputException problems, BindingResult result) {
        BeanWrapperImpl form = new BeanWrapperImpl(result.getTarget());
        for (InvalidInputException.FieldProblem problem : problems.problems()) {
            if (isReadable(form, problem.field())) {
                result.rejectValue(problem.field(), "invalid", problem.message());
            }
            else {
                result.reject("invalid", problem.message());
            }
        }
    }

    private static boolean isReadable(BeanWrapperImpl form, String field) {
        try {
            return form.isReadableProperty(field);
        }
        catch (RuntimeException e) {
            return false;
        }
    }
}
