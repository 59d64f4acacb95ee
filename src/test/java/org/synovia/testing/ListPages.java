package org.synovia.testing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A paged list (50 a page, ADR 0116) read page after page by following each page's link to the next, as a user
 * would: tests share one database, so a test's own rows may be on any page.
 */
public final class ListPages {

    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

    private ListPages() {
    }

    /** The HTML of every page from {@code first} on, one after another. */
    public static String all(MockMvc mvc, MockHttpServletRequestBuilder first, RequestPostProcessor as) throws Exception {
        StringBuilder pages = new StringBuilder();
        MockHttpServletRequestBuilder page = first;
        for (int n = 0; page != null && n < 200; n++) {
            String html = mvc.perform(page.with(as)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            pages.append(html);
            Matcher next = NEXT.matcher(html);
            page = next.find() ? get(URI.create(next.group(1).replace("&amp;", "&"))) : null;
        }
        return pages.toString();
    }
}
