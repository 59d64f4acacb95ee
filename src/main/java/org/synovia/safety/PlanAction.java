package org.synovia.safety;

/** What to do with one antithrombotic medicine before the injection. */
public enum PlanAction {
    CONTINUE,
    HOLD,
    /** No automatic stop: the prescriber (or a multidisciplinary team) decides (facts AC-42, AC-30). */
    REFER_TO_PRESCRIBER
}
