package org.synovia.referral;

/**
 * "Could the patient be pregnant?", asked of anyone who could become pregnant whatever their recorded sex; X-ray
 * and CT guidance need an enquiry on the day (facts PG-01..07).
 */
public enum PregnancyPossibility implements Labelled {
    NOT_APPLICABLE("No: cannot become pregnant"),
    NOT_PREGNANT("No"),
    POSSIBLE("Not sure"),
    PREGNANT("Yes"),
    /**
     * Not answered by the sending system (an HL7 order or a FHIR referral without the answer). Never offered on
     * the form, never taken as "no": the engine asks for the enquiry where X-ray or CT is planned (ADR 0041).
     */
    NOT_RECORDED("Not recorded");

    private final String label;

    PregnancyPossibility(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
