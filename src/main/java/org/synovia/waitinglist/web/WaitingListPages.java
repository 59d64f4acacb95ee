package org.synovia.waitinglist.web;

import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;
import org.synovia.waitinglist.WaitingListCursor;
import org.synovia.waitinglist.WaitingListFilter;

/**
 * Where the page sits in the list ("Entries 51–100 of 2,000") and the links to the first and the next page, with
 * the filter kept; made in Java like the rows (ADR 0105).
 *
 * @param nextHref  the next 50, or null on the last page
 * @param firstHref back to the start, or null on the first page
 */
record WaitingListPages(String position, String nextHref, String firstHref) {

    static WaitingListPages of(WaitingListFilter filter, int first, int shown, long total, WaitingListCursor next,
            boolean afterStart) {
        String position = shown == 0 ? null
                : String.format(Locale.UK, "Entries %,d–%,d of %,d", first, first + shown - 1, Math.max(total, first + shown - 1L));
        String nextHref = next == null ? null
                : link(filter).queryParam("after", next.token()).queryParam("position", first + shown).build().encode().toUriString();
        String firstHref = afterStart ? link(filter).build().encode().toUriString() : null;
        return new WaitingListPages(position, nextHref, firstHref);
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
