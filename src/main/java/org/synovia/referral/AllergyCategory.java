package org.synovia.referral;

/** What a patient is allergic to, in the classes that change what may be injected (facts CI-10, CM-02..06). */
public enum AllergyCategory implements Labelled {
    LOCAL_ANAESTHETIC("Local anaesthetic"),
    CORTICOSTEROID("Corticosteroid"),
    IODINATED_CONTRAST("Iodinated contrast"),
    LATEX("Latex"),
    OTHER("Other");

    private final String label;

    AllergyCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
