package org.synovia.waitinglist.web;

import org.springframework.web.util.UriComponentsBuilder;
import org.synovia.shared.web.ListPageLinks;
import org.synovia.waitinglist.WaitingListCursor;
import org.synovia.waitinglist.WaitingListFilter;

/** The waiting list's page links, with the filter kept; the whole list is its CSV, not a page (ADR 0116). */
final class WaitingListPages {

    private WaitingListPages() {
    }

    static ListPageLinks of(WaitingListFilter filter, int first, int shown, long total, WaitingListCursor next,
            boolean afterStart) {
        return ListPageLinks.of("Entries", () -> link(filter), first, shown, total, next == null ? null : next.token(),
                afterStart, false);
    }

    private static UriComponentsBuilder link(WaitingListFilter filter) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/waiting-list");
        if (filter.guidance() != null) {
            link.queryParam("guidance", filter.guidance().name());
        }
        if (filter.siteCode() != null) {
            link.queryParam("site", filter.siteCode());
        }
        if (filter.operatorGrade() != null) {
            link.queryParam("grade", filter.operatorGrade());
        }
        if (filter.priority() != null) {
            link.queryParam("priority", filter.priority().name());
        }
        return link;
    }
}
