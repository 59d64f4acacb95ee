package org.synovia.account;

import java.util.List;
import java.util.Set;

/**
 * One page of the "Staff accounts" list in name order (ADR 0125), how many accounts the filter finds in all, and
 * where the next page starts.
 *
 * @param nextAfter      the username of the last account shown when more follow, or null on the last page
 * @param secondFactorOn the usernames among those shown that have a second factor set up
 * @param lockedOut      the usernames among those shown that are locked after refused sign-ins
 */
public record StaffAccountPage(List<UserAccount> accounts, long total, String nextAfter, Set<String> secondFactorOn,
        Set<String> lockedOut) {

    public StaffAccountPage {
        accounts = List.copyOf(accounts);
        secondFactorOn = Set.copyOf(secondFactorOn);
        lockedOut = Set.copyOf(lockedOut);
    }
}
