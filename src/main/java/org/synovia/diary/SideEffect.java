package org.synovia.diary;

/** Common, usually harmless effects the diary asks about, each with the row of the clinical source register it rests on. */
public enum SideEffect {
    FLARE("More pain than usual for a day or two after the injection", "CX-02"),
    FLUSHING("Hot, red face (flushing)", "CX-04"),
    BRUISING("Bruising where the needle went in", "CX-07"),
    SKIN_CHANGE("The skin looks thinner, paler or dented", "CX-03");

    private final String label;
    private final String factRow;

    SideEffect(String label, String factRow) {
        this.label = label;
        this.factRow = factRow;
    }

    public String label() {
        return label;
    }

    public String factRow() {
        return factRow;
    }

    /** The patient's words for the side-effect codes of an entry. */
    public static java.util.List<String> labelsOf(String codes) {
        return EnumCodes.labels(codes, SideEffect.class, SideEffect::label);
    }
}
