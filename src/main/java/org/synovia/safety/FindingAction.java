package org.synovia.safety;

import java.time.LocalDate;

/**
 * Something a clinician can do about a finding, offered beside it: override a STOP with a reason (by the
 * grade local policy names), justify going ahead, re-check a value, rebook on or after a date, choose an
 * alternative, or agree a plan with the prescriber.
 *
 * @param label what the button or line says, built from the facts ("Rebook on or after 12 Jan 2027")
 * @param from the first date it applies to (rebooking), or null
 */
public record FindingAction(Kind kind, String label, LocalDate from) {

    public enum Kind {
        /** A STOP may be overridden only by the role and grade local policy names, with a reason. */
        OVERRIDE_WITH_REASON,
        /** A soft stop: proceed with a written justification. */
        JUSTIFY,
        /** Measure or ask again (an INR, a glucose, a missing answer). */
        RECHECK_VALUE,
        /** Book on or after {@code from}. */
        REBOOK_AFTER,
        /** Use another drug, dose, guidance or source's answer. */
        CHOOSE_ALTERNATIVE,
        /** Agree the plan with the prescriber, cardiology or haematology before anything is stopped. */
        AGREE_WITH_PRESCRIBER
    }

    public FindingAction {
        new Checks().required("kind", kind).required("label", label).orThrow();
    }

    public static FindingAction of(Kind kind, String label) {
        return new FindingAction(kind, label, null);
    }
}
