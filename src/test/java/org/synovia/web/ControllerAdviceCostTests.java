package org.synovia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the advices cost every request (ADR 0118): Spring MVC makes a handler method for each {@code @ModelAttribute}
 * and {@code @InitBinder} method of an advice on every request, calls an {@code @InitBinder} method again for every
 * binder (one per request parameter converted), and resolves a {@code @ModelAttribute} parameter by binding the
 * request's parameters onto it. So an advice adds its model attributes in one method taking the model, and binding
 * limits live in the handler adapter's initializer ({@link FormInput}).
 */
class ControllerAdviceCostTests {

    @Test
    void advicesDeclareNoBinderMethodAndAtMostOneModelMethodEach() {
        for (Class<?> advice : advices()) {
            List<Method> methods = Arrays.asList(advice.getDeclaredMethods());
            assertThat(methods).as("@InitBinder methods of " + advice.getSimpleName())
                    .noneMatch(method -> method.isAnnotationPresent(InitBinder.class));
            List<Method> modelMethods = methods.stream()
                    .filter(method -> method.isAnnotationPresent(ModelAttribute.class)).toList();
            assertThat(modelMethods).as("@ModelAttribute methods of " + advice.getSimpleName()).hasSizeLessThanOrEqualTo(1);
            modelMethods.forEach(method -> assertThat(method.getParameters())
                    .as("parameters of " + advice.getSimpleName() + "." + method.getName())
                    .noneMatch(parameter -> parameter.isAnnotationPresent(ModelAttribute.class)));
        }
    }

    @Test
    void findsTheLayoutAdvice() {
        assertThat(advices()).contains(LayoutAdvice.class);
    }

    private static List<Class<?>> advices() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ControllerAdvice.class));
        return scanner.findCandidateComponents("org.synovia").stream().map(BeanDefinition::getBeanClassName)
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, ControllerAdvice.class.getClassLoader()))
                .toList();
    }
}
