package org.synovia.safety;

/** COVID-19 vaccine platforms with their own timing advice (facts CI-15); OTHER has none found. */
public enum VaccineType {
    MRNA, ADENOVIRUS_VECTOR, OTHER
}
