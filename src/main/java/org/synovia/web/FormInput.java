package org.synovia.web;

import java.beans.PropertyEditorSupport;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Limits on what a form may send, for every page: a list field grows to at most {@link #MAX_LIST_ROWS} rows (a
 * request naming {@code treatments[5000]} is refused by {@link ErrorPages}, not answered by allocating 5,000 rows),
 * and text may not hold control characters other than tab and line breaks (they cannot be typed, and PostgreSQL
 * refuses NUL). A refused text is a binding error on its field, shown beside it.
 * <p>
 * The limits are set by the handler adapter's own binding initializer, on every binder of every handler, not by an
 * {@code @InitBinder} method of an advice: Spring MVC builds a handler method for such a method on every request and
 * calls it by reflection for every binder, one per request parameter converted (ADR 0118).
 */
@Configuration(proxyBeanMethods = false)
class FormInput {

    static final int MAX_LIST_ROWS = 50;

    /** Adds the limits to the binding initializer Spring Boot configured (conversion service, validator). */
    @Bean
    static BeanPostProcessor formInputLimits() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RequestMappingHandlerAdapter adapter) {
                    adapter.setWebBindingInitializer(withLimits(adapter.getWebBindingInitializer()));
                }
                return bean;
            }
        };
    }

    static WebBindingInitializer withLimits(WebBindingInitializer configured) {
        return binder -> {
            if (configured != null) {
                configured.initBinder(binder);
            }
            limits(binder);
        };
    }

    static void limits(WebDataBinder binder) {
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
