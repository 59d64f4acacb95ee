package org.synovia.safety;

import java.time.LocalDate;

import org.synovia.shared.Laterality;

/** An injection given before, as far as known: site, side, day, drug and dose (facts RI-01..07). */
public record PreviousInjection(String siteCode, Laterality side, LocalDate date, InjectedAgent drug, Double doseMg) {

    public PreviousInjection {
        side = side == null ? Laterality.NOT_APPLICABLE : side;
        new Checks().required("siteCode", siteCode).required("date", date).orThrow();
    }
}
