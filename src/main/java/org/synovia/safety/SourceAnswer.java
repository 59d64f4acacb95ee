package org.synovia.safety;

/** What one source says about a question on which sources disagree (facts caveat 2). */
public record SourceAnswer(String source, String answer) {
}
