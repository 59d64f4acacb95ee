package org.synovia.outcomes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.synovia.diary.DiaryReadingUpdated;
import org.synovia.procedure.ProcedureCompleted;

/**
 * Keeps {@code outcome_fact} up to date: a signed procedure adds its row, a diary's new reading updates it.
 * A reading that arrives before its procedure's row writes the row first, so the order of the two events
 * does not matter.
 */
@Component
class OutcomeProjection {

    private static final Logger log = LoggerFactory.getLogger(OutcomeProjection.class);

    private final OutcomeFacts facts;

    OutcomeProjection(OutcomeFacts facts) {
        this.facts = facts;
    }

    @ApplicationModuleListener
    void on(ProcedureCompleted event) {
        facts.refreshProcedure(event.appointmentId());
    }

    @ApplicationModuleListener
    void on(DiaryReadingUpdated event) {
        if (!facts.applyReading(event)) {
            facts.refreshProcedure(event.appointmentId());
            if (!facts.applyReading(event)) {
                log.warn("Diary reading for {} has no signed procedure; not counted", event.appointmentId());
            }
        }
    }
}
