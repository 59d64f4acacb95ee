package org.synovia.diary;

/**
 * Signs after an injection that need help the same day (facts AF-06; septic arthritis CX-01 can show days
 * to weeks later). Each one reported shows the urgent advice at once and raises an alert for the team.
 */
public enum RedFlag {
    HOT_SWOLLEN_JOINT("The joint is hot, red or swollen, or it hurts badly to move it"),
    FEVER("I have a fever (a high temperature) or shivers"),
    SPREADING_REDNESS("Redness is spreading from where the needle went in"),
    UNWELL("I feel generally unwell");

    private final String label;

    RedFlag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The patient's words for the red-flag codes of an entry or alert. */
    public static java.util.List<String> labelsOf(String codes) {
        return EnumCodes.labels(codes, RedFlag.class, RedFlag::label);
    }
}
