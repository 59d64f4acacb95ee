package org.synovia.safety;

/**
 * A drug to be injected, as the total for the whole procedure (both sides together when bilateral,
 * skin infiltration included). Give {@code doseMg}, or a strength and volume: local anaesthetics as
 * {@code concentrationPercent} (1% = 10 mg/mL), corticosteroids as mg/mL in {@code concentrationMgPerMl}
 * (the product's usual strength is assumed when only a volume is given).
 */
public record PlannedDrug(InjectedAgent agent, Double doseMg, Double concentrationPercent,
        Double concentrationMgPerMl, Double volumeMl, boolean withAdrenaline) {

    public PlannedDrug {
        new Checks().required("agent", agent)
                .range("doseMg", doseMg, 0, 5000, "mg")
                .range("concentrationPercent", concentrationPercent, 0, 10, "%")
                .range("concentrationMgPerMl", concentrationMgPerMl, 0, 200, "mg/mL")
                .range("volumeMl", volumeMl, 0, 200, "mL")
                .orThrow();
    }

    /** A local anaesthetic by strength and volume, e.g. 1% lidocaine 5 mL. */
    public static PlannedDrug localAnaesthetic(InjectedAgent agent, double percent, double volumeMl) {
        return new PlannedDrug(agent, null, percent, null, volumeMl, false);
    }

    /** A drug by dose in mg. */
    public static PlannedDrug dose(InjectedAgent agent, double doseMg) {
        return new PlannedDrug(agent, doseMg, null, null, null, false);
    }

    /** The dose in mg, worked out from strength and volume when not given; null when it cannot be. */
    public Double resolvedDoseMg() {
        if (doseMg != null) {
            return doseMg;
        }
        if (volumeMl == null) {
            return null;
        }
        if (concentrationPercent != null) {
            return concentrationPercent * 10 * volumeMl;
        }
        Double mgPerMl = concentrationMgPerMl != null ? concentrationMgPerMl : agent.usualMgPerMl();
        return mgPerMl == null ? null : mgPerMl * volumeMl;
    }

    /** The strength in mg/mL, or null when unknown. */
    public Double mgPerMl() {
        if (concentrationPercent != null) {
            return concentrationPercent * 10;
        }
        return concentrationMgPerMl != null ? concentrationMgPerMl : agent.usualMgPerMl();
    }
}
