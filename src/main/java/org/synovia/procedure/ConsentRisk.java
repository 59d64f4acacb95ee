package org.synovia.procedure;

/**
 * A risk told to the patient before consent, in plain words, with the rate where the sources give one
 * (facts §5; the fact row is kept with each so that a clinician can check the wording against it).
 */
public enum ConsentRisk {
    INFECTION("CX-01", "Infection in the joint or tissues", "rare: about 1 in 3,000 to 1 in 50,000; it can show up to weeks later"),
    BLEEDING("CX-07", "Bleeding or bruising where the needle goes in", "uncommon; about 1 in 500 in people on blood thinners"),
    ALLERGIC_REACTION("CX-12", "Allergic reaction to a medicine used", "rare; usually straight away, and we are ready to treat it"),
    NUMBNESS_WEAKNESS("AF-01", "Temporary numbness or weakness from the local anaesthetic", "expected for a few hours; do not drive until it has worn off"),
    FLARE("CX-02", "A flare of pain after the injection", "about 1 to 2 in 100; starts within a day and settles within 48 hours"),
    SKIN_THINNING("CX-03", "Thinning or paler skin where the injection was given", "about 1 to 8 in 100, more near the skin and on darker skin; may recover"),
    FAT_LOSS("CX-03", "A small dent from loss of fat under the skin", "part of the same 1 to 8 in 100; may recover"),
    FACIAL_FLUSHING("CX-04", "Flushing of the face", "within hours, for up to 2 days; how often is not known"),
    GLUCOSE_RISE("CX-09", "A rise in blood glucose (diabetes)", "expected, mostly in the first 1 to 3 days; check your glucose more often"),
    TENDON_RUPTURE("CX-05", "Weakening or tearing of the tendon", "rare"),
    CRYSTAL_FLARE("CX-06", "A flare from steroid crystals in the joint", "uncommon; settles by itself"),
    BLEEDING_INTO_JOINT("CX-07", "Bleeding into the joint", "rare; 0 in 41 people on warfarin in one study");

    private final String factRow;
    private final String risk;
    private final String rate;

    ConsentRisk(String factRow, String risk, String rate) {
        this.factRow = factRow;
        this.risk = risk;
        this.rate = rate;
    }

    public String factRow() {
        return factRow;
    }

    public String risk() {
        return risk;
    }

    public String rate() {
        return rate;
    }
}
