package org.synovia.safety.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.synovia.catalogue.Catalogue;
import org.synovia.safety.RuleDescription;
import org.synovia.safety.SafetyAssessment;
import org.synovia.safety.SafetyChecks;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.InvalidInputException.FieldProblem;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API of the safety engine (described in {@code /api/v1/openapi.yaml}). Assessing stores
 * nothing. Bad input is answered with 400 and every bad field; never a 500 or a stack trace.
 */
@RestController
class SafetyApiController {

    private static final Logger log = LoggerFactory.getLogger(SafetyApiController.class);
    static final String INVALID_TITLE = "Invalid assessment request";

    private final SafetyChecks safetyChecks;
    private final AssessmentRequestReader reader;

    SafetyApiController(SafetyChecks safetyChecks, JsonMapper mapper, Catalogue catalogue) {
        this.safetyChecks = safetyChecks;
        this.reader = new AssessmentRequestReader(mapper, catalogue);
    }

    @PostMapping(path = "/api/v1/safety/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
    SafetyAssessment assess(@RequestBody(required = false) String body) {
        return safetyChecks.assess(reader.read(body));
    }

    @GetMapping(path = "/api/v1/safety/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RuleDescription> rules() {
        return safetyChecks.rules();
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ApiProblem> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(new ApiProblem(INVALID_TITLE, e.problems()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiProblem> unsupported(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiProblem(INVALID_TITLE, List.of(new FieldProblem("Content-Type", "must be application/json"))));
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ApiProblem> unexpected(RuntimeException e) {
        log.error("Safety assessment failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiProblem("The assessment could not be made; nothing was stored. Check the request and try "
                        + "again, or assess by hand.", List.of()));
    }
}
