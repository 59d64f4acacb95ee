package org.synovia.shared.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.synovia.shared.InvalidInputException;

/**
 * The one-button actions of many pages: do it, then show the notice after the redirect, or the first
 * problem when the domain refuses.
 */
public final class FlashMessages {

    private FlashMessages() {
    }

    public static void attempt(RedirectAttributes redirect, String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        }
        catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().message());
        }
    }
}
