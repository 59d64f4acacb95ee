package org.synovia.referral;

/** Narrows a referral list; every field is optional. */
public record ReferralFilter(ReferralStatus status, String siteCode, Urgency urgency, Intent intent, String patientText) {

    public static final ReferralFilter NONE = new ReferralFilter(null, null, null, null, null);

    public ReferralFilter {
        siteCode = siteCode == null || siteCode.isBlank() ? null : siteCode;
        patientText = patientText == null || patientText.isBlank() ? null : patientText.strip();
        if (patientText != null && patientText.length() > 100) {
            patientText = patientText.substring(0, 100);
        }
    }
}
