package org.synovia.safety;

/** Allergy classes that change what may be injected or used (facts CI-10, CM-02..06). */
public enum AllergyCategory {
    LOCAL_ANAESTHETIC, CORTICOSTEROID, IODINATED_CONTRAST, LATEX, SHELLFISH, POVIDONE_IODINE, OTHER
}
