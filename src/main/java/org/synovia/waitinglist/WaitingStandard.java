package org.synovia.waitinglist;

/**
 * The waiting-time standard an entry is measured against (facts WT-01..03; NHS England national elective
 * access policy). Which one applies: urgent priority → URGENT; a diagnostic-only injection → DM01
 * (diagnostic test); otherwise → RTT (consultant-led treatment). Local RTT rules may classify
 * differently (WT-03 is a low-confidence mapping), so the weeks are settings.
 */
public enum WaitingStandard {
    URGENT("Urgent (2 weeks)", "Local urgent standard"),
    DM01("Diagnostic (DM01, 6 weeks)", "WT-01: 99% of diagnostic tests within 6 weeks"),
    RTT("Referral to treatment (18 weeks)", "WT-02: 92% within 18 weeks of referral");

    private final String label;
    private final String source;

    WaitingStandard(String label, String source) {
        this.label = label;
        this.source = source;
    }

    public String label() {
        return label;
    }

    public String source() {
        return source;
    }

    public static WaitingStandard applicableTo(Priority priority, boolean diagnosticOnly) {
        if (priority == Priority.URGENT) {
            return URGENT;
        }
        return diagnosticOnly ? DM01 : RTT;
    }
}
