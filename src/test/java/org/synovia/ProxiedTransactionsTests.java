package org.synovia;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * A method that Spring calls with no transaction of its own (a scheduled job, an event listener, a runner) and that
 * calls its own bean's {@code @Transactional} method directly gets no transaction: the call does not pass the bean's
 * proxy. Three jobs ran that way, and whatever they audited failed on every run (HAZ-152). Calls made inside a
 * lambda are left alone: that is how such a job runs its work in a {@code TransactionTemplate}.
 */
class ProxiedTransactionsTests {

    private static final List<Class<? extends java.lang.annotation.Annotation>> ENTRY_POINTS = List.of(
            Scheduled.class, EventListener.class, TransactionalEventListener.class, Async.class);

    @Test
    void noEntryPointCallsItsOwnBeansTransactionalMethodDirectly() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.synovia");
        assertThat(production.stream().flatMap(c -> bypassedTransactions(c).stream()).toList())
                .as("entry points that call their own bean's @Transactional method without its proxy").isEmpty();
    }

    /** The check must be able to fail: the shape of the fault as it was. */
    @Test
    void findsAScheduledJobCallingItsOwnTransactionalMethod() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(JobAsItWas.class, JobThroughATemplate.class);
        assertThat(bypassedTransactions(fixtures.get(JobAsItWas.class)))
                .containsExactly("JobAsItWas.run -> sendReminders (through JobAsItWas.due)");
        assertThat(bypassedTransactions(fixtures.get(JobThroughATemplate.class))).isEmpty();
    }

    /** Each call, from an entry point without a transaction, that reaches one of the class's own transactional methods. */
    static List<String> bypassedTransactions(JavaClass type) {
        return type.getMethods().stream().filter(method -> isEntryPoint(type, method) && !isTransactional(type, method))
                .flatMap(entry -> reached(type, entry).stream()).toList();
    }

    private static boolean isEntryPoint(JavaClass type, JavaMethod method) {
        boolean runner = (type.isAssignableTo(ApplicationRunner.class) || type.isAssignableTo(CommandLineRunner.class))
                && method.getName().equals("run");
        return runner || ENTRY_POINTS.stream().anyMatch(method::isMetaAnnotatedWith)
                || ENTRY_POINTS.stream().anyMatch(method::isAnnotatedWith);
    }

    /** Through the proxy a public method of a class marked {@code @Transactional} is transactional too. */
    private static boolean isTransactional(JavaClass type, JavaMethod method) {
        return method.isAnnotatedWith(Transactional.class) || method.isMetaAnnotatedWith(Transactional.class)
                || ((type.isAnnotatedWith(Transactional.class) || type.isMetaAnnotatedWith(Transactional.class))
                        && method.getModifiers().contains(JavaModifier.PUBLIC));
    }

    /** The own transactional methods an entry point reaches by direct calls, following its own plain methods. */
    private static List<String> reached(JavaClass type, JavaMethod entry) {
        List<String> found = new java.util.ArrayList<>();
        Set<JavaMethod> seen = new HashSet<>();
        Deque<JavaMethod[]> next = new ArrayDeque<>();
        next.add(new JavaMethod[] {entry, entry});
        while (!next.isEmpty()) {
            JavaMethod[] step = next.poll();
            JavaMethod caller = step[1];
            if (!seen.add(caller)) {
                continue;
            }
            for (JavaMethodCall call : caller.getMethodCallsFromSelf()) {
                if (call.isDeclaredInLambda() || !call.getTargetOwner().equals(type)) {
                    continue;
                }
                call.getTarget().resolveMember().ifPresent(target -> {
                    if (isTransactional(type, target)) {
                        found.add(type.getSimpleName() + "." + entry.getName() + " -> " + target.getName()
                                + (caller.equals(entry) ? "" : " (through " + type.getSimpleName() + "." + caller.getName() + ")"));
                    }
                    else {
                        next.add(new JavaMethod[] {entry, target});
                    }
                });
            }
        }
        return found;
    }

    static class JobAsItWas {
        @Scheduled(fixedDelay = 900_000)
        public void run() {
            due();
        }

        private void due() {
            sendReminders();
        }

        @Transactional
        public void sendReminders() {
        }
    }

    static class JobThroughATemplate {
        private final org.springframework.transaction.support.TransactionTemplate template = null;

        @Scheduled(fixedDelay = 900_000)
        public void run() {
            template.executeWithoutResult(status -> sendReminders());
        }

        @Transactional
        public void sendReminders() {
        }
    }
}
