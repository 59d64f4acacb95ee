package org.synovia.safety.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.synovia.safety.PreviousInjection;

/**
 * Previous steroid injections into the joint now planned: same site code, overlapping side, on or
 * before the reference day. An injection whose drug was not recorded counts as a steroid (the safer
 * reading); hyaluronan and plain local anaesthetic do not.
 */
final class SteroidHistory {

    private SteroidHistory() {
    }

    static List<PreviousInjection> sameJoint(AssessmentContext context) {
        LocalDate reference = context.referenceDate();
        return context.input().previousInjections().stream()
                .filter(p -> p.siteCode().equals(context.procedure().siteCode()))
                .filter(p -> Sides.overlap(p.side(), context.procedure().side()))
                .filter(p -> p.drug() == null || p.drug().steroid())
                .filter(p -> !p.date().isAfter(reference))
                .sorted(Comparator.comparing(PreviousInjection::date).reversed())
                .toList();
    }

    /** "left knee joint". */
    static String joint(AssessmentContext context) {
        var side = context.procedure().side();
        String site = context.procedure().site().name().toLowerCase(Locale.UK);
        return switch (side) {
            case LEFT, RIGHT -> side.label().toLowerCase(Locale.UK) + " " + site;
            case BILATERAL -> site + " (both sides)";
            case NOT_APPLICABLE -> site;
        };
    }

    /** "methylprednisolone acetate 80 mg" or "drug not recorded". */
    static String drug(PreviousInjection injection) {
        if (injection.drug() == null) {
            return "drug not recorded, counted as a steroid";
        }
        return injection.drug().label() + (injection.doseMg() != null ? " " + Wording.number(injection.doseMg()) + " mg" : "");
    }
}
