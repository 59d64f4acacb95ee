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
 * @param checks every run of the engine at sign-in and time-out, oldest first
 * @param timeOutDrugs what the time-out form starts from: the drugs of the latest time-out run, else the protocol's
 */
public record DaySafety(SignInObservations.Required required, Optional<SignInObservations> observations,
        List<DaySafetyCheck.Finding> current, String drugs, List<DaySafetyCheck> checks,
        Optional<UrgentPathway> urgentPathway, Optional<SurgeonNotice> surgeonNotice, List<DrugToGive> timeOutDrugs) {

    public DaySafety {
        current = List.copyOf(current);
        checks = List.copyOf(checks);
        timeOutDrugs = List.copyOf(timeOutDrugs);
    }

    /** The latest run of the engine at {@code step}: the one that holds or frees the next step. */
    public Optional<DaySafetyCheck> check(ChecklistStep step) {
        return DaySafetyCheck.latest(checks, step);
    }

    /** True for a run a later run of the same step replaced: it is kept and shown, but takes no decision. */
    public boolean superseded(DaySafetyCheck check) {
        return check(check.step()).map(latest -> latest.run() > check.run()).orElse(false);
    }

    /**
     * Observations may be taken (again) until a time-out run lets the time-out go on; a time-out held by a finding
     * (a fever measured again, say) leaves them open.
     */
    public boolean observationsOpen() {
        return check(ChecklistStep.TIME_OUT).map(c -> c.holdsNext()).orElse(true);
    }
}
