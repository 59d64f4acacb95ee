package org.synovia.safety.web;

import java.util.List;

import org.synovia.shared.InvalidInputException.FieldProblem;

/** The body of every 4xx answer: a title and each bad field with its message. */
record ApiProblem(String title, List<FieldProblem> errors) {
}
