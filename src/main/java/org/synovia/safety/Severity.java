package org.synovia.safety;

/** How strongly a finding holds up the injection, worst last so that they sort. */
public enum Severity {
    /** For the record: nothing to do beyond reading it. */
    INFO,
    /** Act on it (advice, a check, a justification, a prescriber) before or on the day. */
    WARN,
    /** Do not book or perform the injection as planned. */
    STOP
}
