/**
 * The waiting list: accepted referrals with their clock start, priority, target and breach date per
 * the national standard that applies (DM01 6 weeks, RTT 18 weeks, urgent 2 weeks; facts WT-01..03),
 * the earliest and latest dates safety and policy allow, funding status, who pays and the funding decisions
 * that clear an entry for booking and injecting (ADR 0072). Owns {@code waiting_list_entry} and
 * {@code funding_decision}. Entries are added by vetting in the same transaction as the acceptance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Waiting list")
package org.synovia.waitinglist;
