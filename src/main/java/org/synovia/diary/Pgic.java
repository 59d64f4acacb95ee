package org.synovia.diary;

/**
 * The Patient Global Impression of Change, 7 points (facts OM-02): 1 and 2 are an important improvement.
 * Asked from week 2, when a steroid has had time to act.
 */
public enum Pgic {
    VERY_MUCH_IMPROVED(1, "Very much better"),
    MUCH_IMPROVED(2, "Much better"),
    MINIMALLY_IMPROVED(3, "A little better"),
    NO_CHANGE(4, "No change"),
    MINIMALLY_WORSE(5, "A little worse"),
    MUCH_WORSE(6, "Much worse"),
    VERY_MUCH_WORSE(7, "Very much worse");

    /** Asked from this day after the injection (week 2). */
    public static final int FROM_DAY = 14;

    private final int score;
    private final String label;

    Pgic(int score, String label) {
        this.score = score;
        this.label = label;
    }

    public int score() {
        return score;
    }

    public String label() {
        return label;
    }

    public static String labelOf(Integer score) {
        return score == null || score < 1 || score > 7 ? "" : values()[score - 1].label;
    }
}
