package org.synovia.procedure;

/**
 * One check as staff see it at a step: a NatSSIPs item (facts NS-02..05) or one of the hospital's own
 * (LocSSIPs, facts NS-01), from configuration. The confirmation stores each exactly as shown.
 *
 * @param code what the form sends back: the NatSSIPs item's name, or {@code LOCAL_<STEP>_<n>}
 * @param source the fact row for a NatSSIPs item, {@value #LOCAL_SOURCE} for a local one
 */
public record ChecklistCheck(String code, ChecklistStep step, String text, String source, boolean local) {

    static final String LOCAL_SOURCE = "local check";

    static ChecklistCheck of(ChecklistItem item) {
        return new ChecklistCheck(item.name(), item.step(), item.text(), item.factRow(), false);
    }

    static ChecklistCheck local(ChecklistStep step, int position, String text) {
        return new ChecklistCheck("LOCAL_" + step.name() + "_" + position, step, text, LOCAL_SOURCE, true);
    }

    /** The line stored with the confirmation: "CODE: text [source]". */
    String asShown() {
        return code + ": " + text + " [" + source + "]";
    }
}
