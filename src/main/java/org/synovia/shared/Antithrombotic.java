package org.synovia.shared;

/**
 * Blood thinners a referrer picks from a list, because each one is handled differently before an
 * injection (facts §1, rows AC-01..38).
 */
public enum Antithrombotic {
    WARFARIN("Warfarin", Kind.VITAMIN_K_ANTAGONIST),
    ACENOCOUMAROL("Acenocoumarol", Kind.VITAMIN_K_ANTAGONIST),
    APIXABAN("Apixaban", Kind.DIRECT_ORAL_ANTICOAGULANT),
    RIVAROXABAN("Rivaroxaban", Kind.DIRECT_ORAL_ANTICOAGULANT),
    EDOXABAN("Edoxaban", Kind.DIRECT_ORAL_ANTICOAGULANT),
    DABIGATRAN("Dabigatran", Kind.DIRECT_ORAL_ANTICOAGULANT),
    ENOXAPARIN_PROPHYLACTIC("Enoxaparin (prophylactic dose)", Kind.HEPARIN),
    ENOXAPARIN_THERAPEUTIC("Enoxaparin (treatment dose)", Kind.HEPARIN),
    DALTEPARIN_PROPHYLACTIC("Dalteparin (prophylactic dose)", Kind.HEPARIN),
    DALTEPARIN_THERAPEUTIC("Dalteparin (treatment dose)", Kind.HEPARIN),
    HEPARIN_SUBCUTANEOUS("Unfractionated heparin, subcutaneous", Kind.HEPARIN),
    HEPARIN_INTRAVENOUS("Unfractionated heparin, intravenous", Kind.HEPARIN),
    FONDAPARINUX("Fondaparinux", Kind.HEPARIN),
    ASPIRIN("Aspirin", Kind.ANTIPLATELET),
    CLOPIDOGREL("Clopidogrel", Kind.ANTIPLATELET),
    PRASUGREL("Prasugrel", Kind.ANTIPLATELET),
    TICAGRELOR("Ticagrelor", Kind.ANTIPLATELET),
    DIPYRIDAMOLE("Dipyridamole", Kind.ANTIPLATELET),
    CILOSTAZOL("Cilostazol", Kind.ANTIPLATELET);

    public enum Kind { VITAMIN_K_ANTAGONIST, DIRECT_ORAL_ANTICOAGULANT, HEPARIN, ANTIPLATELET }

    private final String label;
    private final Kind kind;

    Antithrombotic(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }
}
