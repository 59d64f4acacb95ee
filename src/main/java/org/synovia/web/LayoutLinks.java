package org.synovia.web;

import java.util.Set;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.synovia.shared.web.RowHtml;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * The layout's own links, the same on every page: its stylesheets and scripts, the home page and the account pages.
 * Made once, not by a link expression each on every page, which built the link, asked the CSRF processor and the
 * response's wrappers to rewrite it, and looked the stylesheets and scripts up in the resource chain (five lookups a
 * page) to write htmx's address with its version (ADR 0045, 0121). The templates read them as {@code ${#layout…}}, an
 * expression object of every template, so pages drawn without the layout's model (error pages of exception handlers)
 * have them too.
 */
public final class LayoutLinks {

    private static final RowHtml HEAD = RowHtml.of("""
            <link rel="stylesheet" href="{}">
              <link rel="stylesheet" href="{}">
              <script src="{}" defer></script>
              <script src="{}" defer></script>
              <script src="{}" defer></script>""");

    private final String head;
    private final String home;
    private final String password;
    private final String secondFactor;

    /**
     * The links behind {@code contextPath}; {@code resource} gives a static resource's public path (htmx's with its
     * version), as the resource chain writes it.
     */
    LayoutLinks(String contextPath, UnaryOperator<String> resource) {
        this.head = HEAD.append(new StringBuilder(), contextPath + resource.apply("/css/synovia.css"),
                contextPath + resource.apply("/css/desk.css"), contextPath + resource.apply("/js/synovia.js"),
                contextPath + resource.apply("/js/print.js"),
                contextPath + resource.apply("/webjars/htmx.org/dist/htmx.min.js")).toString();
        this.home = contextPath + "/";
        this.password = contextPath + "/account/password";
        this.secondFactor = contextPath + "/account/second-factor";
    }

    /** The stylesheets' and scripts' tags of every page's head, each address escaped. */
    public String head() {
        return head;
    }

    public String home() {
        return home;
    }

    public String password() {
        return password;
    }

    public String secondFactor() {
        return secondFactor;
    }

    /**
     * Offers the links to every template as {@code #layout}; they are made on the first page, once the resource chain
     * knows its handlers.
     */
    @Component
    static class Dialect extends AbstractDialect implements IExpressionObjectDialect {

        private final String contextPath;
        private final ObjectProvider<ResourceUrlProvider> resourceUrls;
        private volatile LayoutLinks links;

        Dialect(@Value("${server.servlet.context-path:}") String contextPath,
                ObjectProvider<ResourceUrlProvider> resourceUrls) {
            super("synovia-layout");
            this.contextPath = contextPath;
            this.resourceUrls = resourceUrls;
        }

        LayoutLinks links() {
            LayoutLinks made = links;
            if (made == null) {
                ResourceUrlProvider provider = resourceUrls.getIfAvailable();
                // The chain learns its handlers when the context is refreshed, just after the server starts: a page
                // drawn before that gets the plain addresses (which resolve too), and they are not kept.
                boolean chainReady = provider != null && !provider.getHandlerMap().isEmpty();
                made = new LayoutLinks(contextPath, path -> {
                    String resolved = chainReady ? provider.getForLookupPath(path) : null;
                    return resolved != null ? resolved : path;
                });
                if (chainReady) {
                    links = made;
                }
            }
            return made;
        }

        @Override
        public IExpressionObjectFactory getExpressionObjectFactory() {
            return new IExpressionObjectFactory() {

                @Override
                public Set<String> getAllExpressionObjectNames() {
                    return Set.of("layout");
                }

                @Override
                public Object buildObject(IExpressionContext context, String expressionObjectName) {
                    return links();
                }

                @Override
                public boolean isCacheable(String expressionObjectName) {
                    return true;
                }
            };
        }
    }
}
