package org.synovia.waitinglist;

/** Who pays for the injection: the NHS commissioner, the patient, or their insurer (private clinics). */
public enum Payer {
    NHS("NHS commissioner"),
    SELF_PAY("Self-pay"),
    INSURER("Insurer");

    private final String label;

    Payer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
