package org.synovia.safety;

/**
 * Drugs the service injects. Corticosteroids carry their usual strength in mg per mL (facts ST-01..03)
 * so that a volume can be turned into a dose; local anaesthetics are given as % (1% = 10 mg/mL).
 */
public enum InjectedAgent {
    METHYLPREDNISOLONE_ACETATE("methylprednisolone acetate", Kind.CORTICOSTEROID, 40.0),
    TRIAMCINOLONE_ACETONIDE("triamcinolone acetonide", Kind.CORTICOSTEROID, 40.0),
    TRIAMCINOLONE_HEXACETONIDE("triamcinolone hexacetonide", Kind.CORTICOSTEROID, 20.0),
    PREDNISOLONE_ACETATE("prednisolone acetate", Kind.CORTICOSTEROID, null),
    HYDROCORTISONE_ACETATE("hydrocortisone acetate", Kind.CORTICOSTEROID, null),
    DEXAMETHASONE("dexamethasone", Kind.CORTICOSTEROID, null),
    LIDOCAINE("lidocaine", Kind.LOCAL_ANAESTHETIC, null),
    BUPIVACAINE("bupivacaine", Kind.LOCAL_ANAESTHETIC, null),
    LEVOBUPIVACAINE("levobupivacaine", Kind.LOCAL_ANAESTHETIC, null),
    HYALURONAN("hyaluronan", Kind.HYALURONAN, null);

    public enum Kind { CORTICOSTEROID, LOCAL_ANAESTHETIC, HYALURONAN }

    private final String label;
    private final Kind kind;
    private final Double usualMgPerMl;

    InjectedAgent(String label, Kind kind, Double usualMgPerMl) {
        this.label = label;
        this.kind = kind;
        this.usualMgPerMl = usualMgPerMl;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public boolean steroid() {
        return kind == Kind.CORTICOSTEROID;
    }

    public boolean localAnaesthetic() {
        return kind == Kind.LOCAL_ANAESTHETIC;
    }

    /** The usual product strength (mg/mL), or null where the source register gives none. */
    public Double usualMgPerMl() {
        return usualMgPerMl;
    }
}
