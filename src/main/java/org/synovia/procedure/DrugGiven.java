package org.synovia.procedure;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One drug as given: what, how much, which batch and its expiry, by which route, where. */
public record DrugGiven(String product, String dose, BigDecimal volumeMl, String batch, LocalDate expiry, String route,
        String site) {
}
