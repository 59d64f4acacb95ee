package org.synovia.catalogue;

import java.time.Instant;
import java.util.UUID;

import org.synovia.shared.Guidance;
import org.synovia.shared.Money;

/**
 * The price of injecting one site under one guidance, for self-paying and insured patients, from a moment on.
 * Never changed: a new price is a new row, so what a patient was told stays on record. {@code recordedByName} is
 * the full name of who set it.
 */
public record ProcedurePrice(UUID id, String siteCode, String siteName, Guidance guidance, Money price,
        Instant validFrom, String recordedBy, String recordedByName, String note) {
}
