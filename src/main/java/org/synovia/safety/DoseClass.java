package org.synovia.safety;

/**
 * The employer's local classification of an ionising-radiation protocol for the pregnancy rules:
 * LOW → 28-day rule (PG-03), HIGH → 10-day rule (PG-04, PG-07).
 */
public enum DoseClass {
    LOW, HIGH
}
