package org.synovia.shared.web;

import java.util.Map;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Draws a row template with Thymeleaf as the page did before its rows were drawn in Java (ADR 0118), so a test can
 * hold the Java rows to the template's markup, whitespace between tags aside.
 */
public final class RowTemplates {

    private static final SpringTemplateEngine ENGINE = new SpringTemplateEngine();

    static {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        ENGINE.setTemplateResolver(resolver);
    }

    private RowTemplates() {
    }

    /** The table body {@code rowTemplate} draws with these variables. */
    public static String drawn(String rowTemplate, Map<String, Object> variables) {
        return ENGINE.process("<table><tbody>" + rowTemplate + "</tbody></table>", new Context(null, variables));
    }

    /** The markup {@code template} draws with these variables, outside a table (a select's options, a header). */
    public static String drawnAlone(String template, Map<String, Object> variables) {
        return ENGINE.process(template, new Context(null, variables));
    }

    /** The table body of rows drawn in Java. */
    public static String table(String rowsHtml) {
        return "<table><tbody>" + rowsHtml + "</tbody></table>";
    }

    /** Markup with the whitespace between tags and around it dropped. */
    public static String normalised(String html) {
        return html.replaceAll(">\\s+", ">").replaceAll("\\s+<", "<").trim();
    }
}
