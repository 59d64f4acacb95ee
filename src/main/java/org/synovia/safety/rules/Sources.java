package org.synovia.safety.rules;

import org.synovia.safety.GuidelineReference;

/** The documents of the clinical source register (docs/clinical-safety/sources.md §0) that rules cite, by short name. */
final class Sources {

    static final String ASRA = "ASRA/ESRA pain procedures guideline (Narouze et al., S1)";
    static final int ASRA_YEAR = 2018;
    static final String SIR = "SIR periprocedural consensus Part II (Patel et al., S2)";
    static final int SIR_YEAR = 2019;
    static final String EULAR = "EULAR intra-articular therapy recommendations (Uson et al., S5)";
    static final int EULAR_YEAR = 2021;
    static final String FACTS_NOTES = "Synovia clinical source register (derived, L)";

    private Sources() {
    }

    static GuidelineReference asra(String section, String... rows) {
        return GuidelineReference.of(ASRA, ASRA_YEAR, section, rows);
    }

    static GuidelineReference sir(String section, String... rows) {
        return GuidelineReference.of(SIR, SIR_YEAR, section, rows);
    }

    static GuidelineReference eular(String section, String... rows) {
        return GuidelineReference.of(EULAR, EULAR_YEAR, section, rows);
    }

    static GuidelineReference notes(String... rows) {
        return GuidelineReference.of(FACTS_NOTES, GuidelineReference.UNDATED, "implementation notes", rows);
    }
}
