package org.synovia.procedure;

import org.synovia.shared.InvalidInputException;

/**
 * The time-out is not confirmed: the engine's run with the drugs about to be given holds it (a STOP not overridden,
 * a review not decided, or a decision not to go ahead). The run itself is kept, so a radiologist can decide on it;
 * the transaction commits with it (ADR 0043).
 */
class TimeOutHeld extends InvalidInputException {

    TimeOutHeld(String message) {
        super("items", message);
    }
}
