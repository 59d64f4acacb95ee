package org.synovia.vetting;

import java.time.LocalDate;
import java.util.List;

import org.synovia.safety.Finding;
import org.synovia.safety.SafetyAssessment;

/**
 * The safety engine's view of a protocol at vetting: the assessment for the earliest day the patient
 * could be booked (with its dated medication plan), that day and why not sooner, and the findings a
 * radiologist must justify before accepting: STOPs that no date removes, and findings that ask for a
 * justification on that day.
 *
 * @param earliestDate null when no day in the look-ahead passes
 */
public record SafetyReview(SafetyAssessment assessment, LocalDate earliestDate, List<String> earliestReasons,
        List<Finding> needingJustification) {

    public SafetyReview {
        earliestReasons = List.copyOf(earliestReasons);
        needingJustification = List.copyOf(needingJustification);
    }
}
