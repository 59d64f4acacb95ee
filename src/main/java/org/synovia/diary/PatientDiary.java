package org.synovia.diary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The diary as the patient sees it through their link: what is due now, and what they have written. It holds
 * no name or clinical detail beyond their own scores, because the link is the only credential.
 *
 * @param due        the time point to fill now; empty when it is filled or none has come yet
 * @param next       the next time point and when it falls; null after the last
 * @param asksWorstDay whether the due entry asks for the worst pain in the last day (from day 1)
 * @param asksPgic   whether it asks the global impression of change (from week 2, facts OM-02)
 * @param asksGlucose whether it asks blood glucose (days 1–7, patients with diabetes, facts AF-07)
 */
public record PatientDiary(Instant injectedAt, Optional<TimePoint> due, TimePoint next, Instant nextAt,
        boolean asksWorstDay, boolean asksPgic, boolean asksGlucose, List<PatientEntry> entries, String chartSvg,
        String urgentContact) {

    /** One written entry, in the patient's words. */
    public record PatientEntry(String timePoint, Instant recordedAt, int painNow, Integer painWorstDay, String pgic,
            List<String> sideEffects, String redFlags) {
    }
}
