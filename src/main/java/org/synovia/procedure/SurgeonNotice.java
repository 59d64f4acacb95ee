package org.synovia.procedure;

import java.time.Instant;

/**
 * The surgeon of a planned joint replacement told that an injection falls within the minimum interval before it
 * (facts RI-10, CI-13): once per referral, at vetting or on the day. When the referral gives no surgeon email
 * nothing is sent and the page says so, for the team to tell the surgeon another way.
 *
 * @param stage VETTING, SIGN_IN or TIME_OUT
 */
public record SurgeonNotice(String stage, String surgeonName, String surgeonEmail, String finding, Instant noticedAt,
        String noticedBy) {

    public boolean emailed() {
        return surgeonEmail != null;
    }
}
