/**
 * What became of a referral after it was sent, as its referrer sees it: the appointment with its date, time and
 * place, every version of the report as sent (PDF), the diary summary once sent, and any question waiting for an
 * answer; and on the referrer's home page what is new since they last looked (ADR 0085). Reads the owning modules
 * through their façades, each once per page whatever the number of referrals. Owns {@code journey_seen} (how far
 * each user has seen each referral's news). Publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referrer's view")
package org.synovia.journey;
