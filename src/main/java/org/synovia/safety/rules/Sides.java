package org.synovia.safety.rules;

import org.synovia.shared.Laterality;

/** Whether two sides touch the same joint: both sides touch left and right; "not applicable" touches all. */
final class Sides {

    private Sides() {
    }

    static boolean overlap(Laterality a, Laterality b) {
        if (a == null || b == null || a == Laterality.NOT_APPLICABLE || b == Laterality.NOT_APPLICABLE) {
            return true;
        }
        return a == b || a == Laterality.BILATERAL || b == Laterality.BILATERAL;
    }
}
