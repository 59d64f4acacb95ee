package org.synovia.shared.web;

import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a page of a long list sits ("Patients 51–100 of 200") and the links to the first page, the next page and,
 * where the list has one, the whole list on one page to print, each with the list's filters kept (ADR 0116, 0119).
 * Drawn by {@code fragments/pages}.
 *
 * @param nextHref  the next page, or null on the last page
 * @param firstHref back to the start, or null on the first page
 * @param allHref   the whole list on one page, or null where the list has no such page or this page already is it
 */
public record ListPageLinks(String position, String nextHref, String firstHref, String allHref) {

    /**
     * A page of {@code shown} entries from the {@code first}th of {@code total}, named {@code entries} ("Patients");
     * {@code list} makes a link to the list with its filters, {@code nextToken} is the cursor after the last entry
     * shown (null on the last page).
     */
    public static ListPageLinks of(String entries, Supplier<UriComponentsBuilder> list, int first, int shown, long total,
            String nextToken, boolean afterStart, boolean printable) {
        String position = shown == 0 ? null
                : String.format(Locale.UK, "%s %,d–%,d of %,d", entries, first, first + shown - 1,
                        Math.max(total, first + shown - 1L));
        String nextHref = nextToken == null ? null
                : list.get().queryParam("after", nextToken).queryParam("position", first + shown).build().encode()
                        .toUriString();
        String firstHref = afterStart ? list.get().build().encode().toUriString() : null;
        boolean paged = afterStart || nextToken != null;
        String allHref = printable && paged ? list.get().queryParam("all", true).build().encode().toUriString() : null;
        return new ListPageLinks(position, nextHref, firstHref, allHref);
    }

    /** The whole list on one page: what it holds, and no links. */
    public static ListPageLinks whole(String position) {
        return new ListPageLinks(position, null, null, null);
    }
}
