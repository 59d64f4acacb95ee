package org.synovia.safety;

/** Why an antiplatelet is taken; it changes aspirin advice (facts AC-30). Unknown is treated as secondary. */
public enum PreventionIndication {
    PRIMARY_PREVENTION, SECONDARY_PREVENTION, UNKNOWN
}
