package org.synovia.waitinglist;

import org.synovia.shared.Guidance;

/** Views of the list; every field optional. */
public record WaitingListFilter(Guidance guidance, String siteCode, String operatorGrade, Priority priority) {

    public static final WaitingListFilter ALL = new WaitingListFilter(null, null, null, null);

    public WaitingListFilter {
        siteCode = siteCode == null || siteCode.isBlank() ? null : siteCode;
        operatorGrade = operatorGrade == null || operatorGrade.isBlank() ? null : operatorGrade;
    }
}
