package org.synovia.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The only URLs served as static resources: the style sheet, the page script, the webjars (htmx) and the tab icon
 * that browsers ask for on their own (else every first page view logged a missing {@code /favicon.ico}). Boot's
 * catch-all {@code /**} mapping is off ({@code spring.web.resources.add-mappings=false}) because, with the
 * resource chain on, every link a page writes was looked up as a possible static resource in every location
 * (ADR 0045). The chain stays on for these three prefixes, so {@code @{/webjars/htmx.org/dist/htmx.min.js}} is
 * still written with htmx's version and a version-free webjar URL still resolves.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/");
    }
}
