package org.synovia.procedure.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.synovia.account.StaffNames;
import org.synovia.account.UserAccounts;

/**
 * Gives the procedure day's pages the staff's full names, read once per page, so that every "by" on them shows the
 * person's name, never their username.
 */
@ControllerAdvice(assignableTypes = { DayListController.class, RecordController.class })
class StaffNamesAdvice {

    private final UserAccounts accounts;

    StaffNamesAdvice(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("staff")
    StaffNames staff() {
        return accounts.staffNames();
    }
}
