package org.synovia.database;

/**
 * Whether the database can take work at this moment, answered without waiting for it. Callers that would
 * otherwise hold a sender for the pool's connection timeout (the MLLP listener) ask first and answer
 * "try again" at once. For the embedded server the supervisor's last check answers; for an external database
 * nothing is known here, so it answers yes and the pool's short connection timeout bounds the wait.
 */
public interface DatabaseAvailability {

    boolean available();
}
