package org.synovia.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Limits on what a form may send, for every page: a list field grows to at most {@link #MAX_LIST_ROWS} rows (a
 * request naming {@code treatments[5000]} is refused by {@link ErrorPages}, not answered by allocating 5,000 rows),
 * and text may not hold control characters other than tab and line breaks (they cannot be typed, and PostgreSQL
 * refuses NUL). A refused text is a binding error on its field, shown beside it.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class FormInput {

    static final int MAX_LIST_ROWS = 50;

    @InitBinder
    void limits(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MAX_LIST_ROWS);
        binder.registerCustomEditor(String.class, new NoControlCharacters());
    }

    static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
    }

    private static final class NoControlCharacters extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            if (text != null && hasControlCharacter(text)) {
                throw new IllegalArgumentException("control character in text");
            }
            setValue(text);
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
