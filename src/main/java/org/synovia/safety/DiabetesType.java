package org.synovia.safety;

/** Whether the patient has diabetes; {@link #NOT_RECORDED} when nobody said, which is not "none" (ADR 0068). */
public enum DiabetesType {
    NONE, TYPE_1, TYPE_2, OTHER, NOT_RECORDED
}
