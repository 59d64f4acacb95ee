package org.synovia.hl7;

import org.synovia.referral.DiabetesType;
import org.synovia.referral.Indication;

/** The ICD-10 chapters an order's DG1 may carry, read into the referral's coded answers. */
final class Icd10 {

    private Icd10() {
    }

    /** M15-M19 arthrosis, M05-M14 inflammatory arthropathies, M70-M71 bursopathies, M65-M67 and M75-M77 tendinopathies, S injuries. */
    static Indication indication(String code) {
        if (code == null || code.length() < 3) {
            return null;
        }
        String c = code.toUpperCase(java.util.Locale.ROOT);
        if (c.charAt(0) == 'S') {
            return Indication.INJURY;
        }
        if (c.charAt(0) != 'M' || !Character.isDigit(c.charAt(1)) || !Character.isDigit(c.charAt(2))) {
            return null;
        }
        int n = Integer.parseInt(c.substring(1, 3));
        if (n >= 15 && n <= 19) {
            return Indication.OSTEOARTHRITIS;
        }
        if (n >= 5 && n <= 14) {
            return Indication.INFLAMMATORY_ARTHRITIS;
        }
        if (n == 70 || n == 71) {
            return Indication.BURSITIS;
        }
        if ((n >= 65 && n <= 67) || (n >= 75 && n <= 77)) {
            return Indication.TENDINOPATHY;
        }
        return null;
    }

    /** E10 type 1, E11 type 2, E13 and E14 other diabetes mellitus (the shared table in ClinicalCodes). */
    static DiabetesType diabetes(String code) {
        return code == null || code.length() < 3 ? null : org.synovia.referral.ClinicalCodes.diabetes(code);
    }
}
