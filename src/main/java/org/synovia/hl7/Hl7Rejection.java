package org.synovia.hl7;

/**
 * A message we will not act on, with the reason the sender reads in MSA-3 and ERR: {@code AE} for an error
 * in its content (a missing field, an unknown site), {@code AR} for a message we do not take at all (an
 * unknown message type or order control).
 */
class Hl7Rejection extends RuntimeException {

    enum Code { AE, AR }

    private final Code code;

    Hl7Rejection(Code code, String reason) {
        super(reason);
        this.code = code;
    }

    Code code() {
        return code;
    }
}
