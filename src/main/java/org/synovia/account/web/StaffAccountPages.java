package org.synovia.account.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.synovia.account.StaffAccountFilter;
import org.synovia.shared.web.ListPageLinks;

/**
 * The "Staff accounts" list's links (ADR 0125): its pages with the filter kept, and where a change to one account
 * returns, so that the administrator stays on the page they were working through.
 */
final class StaffAccountPages {

    static final String PATH = "/admin/users";

    /** The query parameters a return to the list may carry; anything else in a posted {@code back} is dropped. */
    private static final List<String> KEPT = List.of("q", "role", "status", "after", "position");

    private StaffAccountPages() {
    }

    static ListPageLinks of(StaffAccountFilter filter, int first, int shown, long total, String nextAfter,
            boolean afterStart) {
        return ListPageLinks.of("Accounts", () -> list(filter), first, shown, total, nextAfter, afterStart, false);
    }

    static UriComponentsBuilder list(StaffAccountFilter filter) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(PATH);
        if (filter.text() != null) {
            link.queryParam("q", filter.text());
        }
        if (filter.role() != null) {
            link.queryParam("role", filter.role().name());
        }
        if (filter.active() != null) {
            link.queryParam("status", filter.active() ? "active" : "disabled");
        }
        return link;
    }

    /** The list as this page shows it, as the query a change posts back in {@code back} (blank: the first page). */
    static String back(StaffAccountFilter filter, String after, int position) {
        UriComponentsBuilder link = list(filter);
        if (after != null) {
            link.queryParam("after", after).queryParam("position", position);
        }
        String query = link.build().encode().getQuery();
        return query == null ? "" : query;
    }

    /** Where a change returns: the list as it was shown, never anywhere else, whatever {@code back} holds. */
    static String redirectBack(String back) {
        UriComponentsBuilder target = UriComponentsBuilder.fromPath(PATH);
        if (back != null && !back.isBlank()) {
            MultiValueMap<String, String> params = UriComponentsBuilder.fromUriString(PATH + "?" + back).build()
                    .getQueryParams();
            KEPT.forEach(name -> {
                String value = decoded(params.getFirst(name));
                if (value != null && !value.isBlank()) {
                    target.queryParam(name, value);
                }
            });
            return "redirect:" + target.build().encode().toUriString();
        }
        return "redirect:" + PATH;
    }

    /** A posted value as typed, or null where it is not well encoded (a hand-made form): that part is dropped. */
    private static String decoded(String value) {
        try {
            return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The list narrowed to one account just made, so the administrator sees it at once. */
    static String redirectTo(String username) {
        return "redirect:" + UriComponentsBuilder.fromPath(PATH).queryParam("q", username).build().encode().toUriString();
    }
}
