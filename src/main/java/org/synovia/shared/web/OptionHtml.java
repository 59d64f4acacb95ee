package org.synovia.shared.web;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code <option>}s of a filter's {@code <select>}, drawn in Java as {@code th:each} with {@code th:value},
 * {@code th:text} and {@code th:selected} drew them, every value escaped by {@link RowHtml}. The referral list's four
 * filters held 46 options at three expressions each, evaluated on every view (ADR 0121).
 */
public final class OptionHtml {

    private static final RowHtml OPTION = RowHtml.of("<option value=\"{}\">{}</option>");
    private static final RowHtml SELECTED = RowHtml.of("<option value=\"{}\" selected=\"selected\">{}</option>");

    private OptionHtml() {
    }

    /** One option per choice, in order: its value, its label, and selected where {@code selected} says so. */
    public static <T> String of(Iterable<T> choices, Function<T, ?> value, Function<T, ?> label,
            Predicate<T> selected) {
        StringBuilder html = new StringBuilder(256);
        for (T choice : choices) {
            (selected.test(choice) ? SELECTED : OPTION).append(html, value.apply(choice), label.apply(choice));
        }
        return html.toString();
    }
}
