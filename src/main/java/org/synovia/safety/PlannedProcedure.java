package org.synovia.safety;

import java.time.LocalDateTime;
import java.util.List;

import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;

/**
 * The injection being planned. {@code start} is null at referral (the plan then gives holds in hours
 * and doses without dates). {@code localDoseClass} is the employer's classification of an X-ray or CT
 * protocol for the pregnancy rules (PG-03, PG-04, PG-07); it is ignored for ultrasound.
 */
public record PlannedProcedure(String siteCode, SiteFacts site, String spinalLevel, Laterality side,
        Guidance guidance, List<PlannedDrug> drugs, boolean contrast, DoseClass localDoseClass,
        LocalDateTime start, TendonAtRisk tendonAtRisk, boolean intoTendonSubstance) {

    public PlannedProcedure {
        drugs = List.copyOf(drugs == null ? List.of() : drugs);
        side = side == null ? Laterality.NOT_APPLICABLE : side;
        localDoseClass = localDoseClass == null ? DoseClass.LOW : localDoseClass;
        tendonAtRisk = tendonAtRisk == null ? TendonAtRisk.NONE : tendonAtRisk;
        new Checks().required("siteCode", siteCode).required("site", site).required("guidance", guidance).orThrow();
    }

    public boolean steroid() {
        return drugs.stream().anyMatch(d -> d.agent().steroid());
    }

    public boolean localAnaesthetic() {
        return drugs.stream().anyMatch(d -> d.agent().localAnaesthetic());
    }
}
