package org.synovia.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.synovia.referral.ReferralNotFoundException;
import org.synovia.shared.InvalidInputException;

/**
 * Turns failures that escape a page into a plain message: the user learns what went wrong and
 * what to do, and never sees a stack trace.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler({ReferralNotFoundException.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("title", "Not found");
        model.addAttribute("message", "There is nothing here that you can see. Check the link, or go back to your list.");
        return "error";
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        model.addAttribute("title", "This could not be done");
        model.addAttribute("problems", e.problems());
        return "error";
    }

    /** A form field the page never offers, such as row 5000 or row -1 of a list. */
    @ExceptionHandler(InvalidPropertyException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String noSuchField(InvalidPropertyException e, Model model) {
        model.addAttribute("title", "This could not be done");
        model.addAttribute("problems", List.of(new InvalidInputException.FieldProblem(e.getPropertyName(),
                "is not a field of this form; a list holds rows 0 to " + (FormInput.MAX_LIST_ROWS - 1)
                        + ". Go back, reload the form and try again.")));
        return "error";
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(DataIntegrityViolationException e, Model model) {
        log.info("Refused a conflicting change: {}", e.getMostSpecificCause().getMessage());
        model.addAttribute("title", "Someone else got there first");
        model.addAttribute("message", "This record was changed or created by someone else at the same moment. "
                + "Nothing of yours was half-saved. Go back, reload and check before trying again.");
        return "error";
    }
}
