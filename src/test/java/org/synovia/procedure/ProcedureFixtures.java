package org.synovia.procedure;

import java.time.LocalDateTime;
import java.util.UUID;

import org.synovia.shared.YesNoUnknown;

/** Synthetic procedure-day data for tests in any module. */
public final class ProcedureFixtures {

    private ProcedureFixtures() {
    }

    /**
     * Records unremarkable sign-in observations (36.6 °C, 130/80 mmHg, glucose 6.2 mmol/L, a calm target, and an INR
     * of 1.1 taken an hour before {@code now} when the patient takes a vitamin K antagonist), as the signed-in user.
     */
    public static DaySafety unremarkableObservations(Procedures procedures, UUID appointmentId, LocalDateTime now) {
        boolean inr = procedures.daySafety(appointmentId).required().inr();
        return procedures.recordObservations(appointmentId, 36.6, 6.2, 130, 80, inr ? 1.1 : null,
                inr ? now.minusHours(1) : null, YesNoUnknown.NO, YesNoUnknown.NO, YesNoUnknown.NO);
    }
}
