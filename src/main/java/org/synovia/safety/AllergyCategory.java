package org.synovia.safety;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Allergy classes that change what may be injected or used (facts CI-10, CM-02..06). */
public enum AllergyCategory {
    LOCAL_ANAESTHETIC, CORTICOSTEROID, IODINATED_CONTRAST, LATEX, SHELLFISH, POVIDONE_IODINE, OTHER;

    /**
     * Words in an allergen's name that put it in a class, for systems that send only the name (HL7 AL1,
     * FHIR AllergyIntolerance). Shellfish and povidone-iodine are their own classes because neither bars
     * iodinated contrast (facts CM-03).
     */
    private static final Map<AllergyCategory, List<String>> WORDS = Map.of(
            LOCAL_ANAESTHETIC, List.of("local anaesthetic", "local anesthetic", "lidocaine", "lignocaine", "bupivacaine",
                    "ropivacaine", "mepivacaine", "chirocaine", "marcain"),
            CORTICOSTEROID, List.of("steroid", "triamcinolone", "methylprednisolone", "hydrocortisone", "dexamethasone",
                    "kenalog", "depo-medrone", "prednisolone"),
            IODINATED_CONTRAST, List.of("contrast", "iodinated", "iohexol", "omnipaque", "iopamidol", "niopam", "iodixanol",
                    "visipaque"),
            LATEX, List.of("latex"),
            SHELLFISH, List.of("shellfish", "seafood", "prawn", "crab"),
            POVIDONE_IODINE, List.of("povidone", "betadine"));

    /** The class an allergen's name falls in; OTHER when no word matches. */
    public static AllergyCategory fromAgent(String agent) {
        if (agent == null) {
            return OTHER;
        }
        String words = agent.toLowerCase(Locale.ROOT);
        for (AllergyCategory category : values()) {
            if (WORDS.getOrDefault(category, List.of()).stream().anyMatch(words::contains)) {
                return category;
            }
        }
        return OTHER;
    }
}
