package org.synovia.safety;

import java.time.LocalDateTime;
import java.util.List;

import org.synovia.shared.Guidance;
import org.synovia.shared.Laterality;

/**
 * The injection being planned. {@code start} is null at referral (the plan then gives holds in hours
 * and doses without dates). {@code localDoseClass} is the employer's classification of an X-ray or CT
 * protocol for the pregnancy rules (PG-03, PG-04, PG-07); it is ignored for ultrasound. Several targets
 * in one session (facet joints at several levels on both sides) are the main target plus
 * {@code additionalTargets}, each with its own drugs and volumes. Use
 * {@link #builder(String, SiteFacts, Guidance)} to fill only what is known.
 */
public record PlannedProcedure(String siteCode, SiteFacts site, String spinalLevel, Laterality side,
        Guidance guidance, List<PlannedDrug> drugs, boolean contrast, DoseClass localDoseClass,
        LocalDateTime start, TendonAtRisk tendonAtRisk, boolean intoTendonSubstance, List<Target> additionalTargets) {

    /** One more target injected in the same session, with the drugs and volumes given there. */
    public record Target(String siteCode, SiteFacts site, Laterality side, String spinalLevel, List<PlannedDrug> drugs) {

        public Target {
            drugs = List.copyOf(drugs == null ? List.of() : drugs);
            side = side == null ? Laterality.NOT_APPLICABLE : side;
            new Checks().required("siteCode", siteCode).required("site", site).orThrow();
        }
    }

    public PlannedProcedure(String siteCode, SiteFacts site, String spinalLevel, Laterality side, Guidance guidance,
            List<PlannedDrug> drugs, boolean contrast, DoseClass localDoseClass, LocalDateTime start,
            TendonAtRisk tendonAtRisk, boolean intoTendonSubstance) {
        this(siteCode, site, spinalLevel, side, guidance, drugs, contrast, localDoseClass, start, tendonAtRisk,
                intoTendonSubstance, List.of());
    }

    public PlannedProcedure {
        drugs = List.copyOf(drugs == null ? List.of() : drugs);
        additionalTargets = List.copyOf(additionalTargets == null ? List.of() : additionalTargets);
        side = side == null ? Laterality.NOT_APPLICABLE : side;
        localDoseClass = localDoseClass == null ? DoseClass.LOW : localDoseClass;
        tendonAtRisk = tendonAtRisk == null ? TendonAtRisk.NONE : tendonAtRisk;
        new Checks().required("siteCode", siteCode).required("site", site).required("guidance", guidance).orThrow();
    }

    public boolean steroid() {
        return drugs.stream().anyMatch(d -> d.agent().steroid());
    }

    /** Every target of the session, the main one first. */
    public List<Target> targets() {
        List<Target> all = new java.util.ArrayList<>();
        all.add(new Target(siteCode, site, side, spinalLevel, drugs));
        all.addAll(additionalTargets);
        return List.copyOf(all);
    }

    public boolean localAnaesthetic() {
        return drugs.stream().anyMatch(d -> d.agent().localAnaesthetic());
    }

    /** The same procedure on another date (booking tries dates; the plan's dates follow). */
    public PlannedProcedure withStart(LocalDateTime value) {
        return new PlannedProcedure(siteCode, site, spinalLevel, side, guidance, drugs, contrast, localDoseClass, value,
                tendonAtRisk, intoTendonSubstance, additionalTargets);
    }

    public static Builder builder(String siteCode, SiteFacts site, Guidance guidance) {
        return new Builder(siteCode, site, guidance);
    }

    /** Fills a {@link PlannedProcedure}; side defaults to not applicable, dose class to LOW, start to unbooked. */
    public static final class Builder {
        private final String siteCode;
        private final SiteFacts site;
        private final Guidance guidance;
        private String spinalLevel;
        private Laterality side;
        private List<PlannedDrug> drugs = List.of();
        private boolean contrast;
        private DoseClass localDoseClass;
        private LocalDateTime start;
        private TendonAtRisk tendonAtRisk;
        private boolean intoTendonSubstance;
        private List<Target> additionalTargets = List.of();

        private Builder(String siteCode, SiteFacts site, Guidance guidance) {
            this.siteCode = siteCode;
            this.site = site;
            this.guidance = guidance;
        }

        public Builder spinalLevel(String value) { this.spinalLevel = value; return this; }
        public Builder side(Laterality value) { this.side = value; return this; }
        public Builder drugs(List<PlannedDrug> value) { this.drugs = value; return this; }
        public Builder contrast(boolean value) { this.contrast = value; return this; }
        public Builder localDoseClass(DoseClass value) { this.localDoseClass = value; return this; }
        public Builder start(LocalDateTime value) { this.start = value; return this; }
        public Builder tendon(TendonAtRisk tendon, boolean intoSubstance) {
            this.tendonAtRisk = tendon;
            this.intoTendonSubstance = intoSubstance;
            return this;
        }

        public Builder additionalTargets(List<Target> value) { this.additionalTargets = value; return this; }

        public PlannedProcedure build() {
            return new PlannedProcedure(siteCode, site, spinalLevel, side, guidance, drugs, contrast, localDoseClass, start,
                    tendonAtRisk, intoTendonSubstance, additionalTargets);
        }
    }
}
