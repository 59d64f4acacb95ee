package org.synovia.procedure;

import java.util.List;
import java.util.Optional;

/**
 * The procedure day's safety picture for one visit: what sign-in must measure, the latest observations, the
 * engine's answer with them now (before the step is confirmed), the answers stored with sign-in and time-out with
 * their decisions, the urgent pathway when one started, and the surgeon's notice.
 *
 * @param current the engine's findings now with the latest observations (not stored; the step stores its own)
 * @param drugs the drugs the engine checks, as one line
 */
public record DaySafety(SignInObservations.Required required, Optional<SignInObservations> observations,
        List<DaySafetyCheck.Finding> current, String drugs, List<DaySafetyCheck> checks,
        Optional<UrgentPathway> urgentPathway, Optional<SurgeonNotice> surgeonNotice) {

    public DaySafety {
        current = List.copyOf(current);
        checks = List.copyOf(checks);
    }

    public Optional<DaySafetyCheck> check(ChecklistStep step) {
        return checks.stream().filter(c -> c.step() == step).findFirst();
    }

    /** Observations may be taken (again) until the time-out has run the engine for the last time. */
    public boolean observationsOpen() {
        return check(ChecklistStep.TIME_OUT).isEmpty();
    }
}
