package org.synovia.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes each notification listener run once per event (ADR 0027). The event publication registry delivers an
 * event again after a crash, and a restarting instance resubmits every incomplete publication, including one
 * another live instance is handling at that moment. The listener's first statement claims the event's key in
 * its own transaction: a second run waits for the first to commit, then finds the key and does nothing; if the
 * first rolled back, the second does the work.
 */
@Component
class HandledEvents {

    private final JdbcClient jdbc;
    private final Clock clock;

    HandledEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time {@code key} is claimed; false when a committed transaction already handled it. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean claim(String key) {
        return jdbc.sql("""
                insert into notification_handled_event (event_key, handled_at) values (?, ?) on conflict do nothing
                """).params(key, Timestamp.from(clock.instant())).update() == 1;
    }

    /** Notes the email the event was answered with, for staff tracing a letter back to its booking. */
    @Transactional(propagation = Propagation.MANDATORY)
    void answeredWith(String key, UUID emailId) {
        jdbc.sql("update notification_handled_event set outbound_email_id = ? where event_key = ?").params(emailId, key)
                .update();
    }
}
