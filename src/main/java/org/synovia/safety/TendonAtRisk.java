package org.synovia.safety;

/** Tendons at high rupture risk (facts CI-14). */
public enum TendonAtRisk {
    NONE, ACHILLES, PATELLAR
}
