package org.synovia.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.synovia.booking.Bookings;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Reads that leave auditing to their caller ({@link AuditedByCaller}, ADR 0115) keep one shape, and every class that
 * calls one writes its line per patient with {@link AuditTrail#recordPerPatient}: nothing read through them goes
 * unaudited by forgetting.
 */
class AuditedByCallerTests {

    private static final String SUFFIX = "AuditedByCaller";

    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.synovia");

    @Test
    void marksEveryReadWhoseCallerAuditsAndNamesItSo() {
        Set<String> marked = marked(production).stream().map(AuditedByCallerTests::name).collect(Collectors.toSet());
        Set<String> named = production.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.getName().endsWith(SUFFIX)).map(AuditedByCallerTests::name).collect(Collectors.toSet());

        assertThat(marked).as("the day list's four reads, the visit pages' appointment read")
                .contains("Bookings.onDay" + SUFFIX, "Referrals.showAll" + SUFFIX, "Patients.findAll" + SUFFIX,
                        "Funding.clearances" + SUFFIX, "Bookings.appointment" + SUFFIX);
        assertThat(named).isEqualTo(marked);
        assertThat(marked(production)).allSatisfy(m -> assertThat(mandatoryTransaction(m))
                .as(name(m) + " runs only inside its caller's transaction, where the caller's audit line is written")
                .isTrue());
    }

    @Test
    void everyCallerOfAReadWhoseCallerAuditsWritesItsLinePerPatient() {
        assertThat(callersThatDoNotAudit(production)).isEmpty();
    }

    @Test
    void findsACallerThatForgetsItsLine() {
        JavaClasses forgetful = new ClassFileImporter().importClasses(Forgetful.class, Bookings.class, AuditTrail.class);

        assertThat(callersThatDoNotAudit(forgetful)).containsExactly(Forgetful.class.getName());
    }

    /** A caller that reads the day's appointments and audits nothing: the rule must find it. */
    static final class Forgetful {

        int count(Bookings bookings) {
            return bookings.onDayAuditedByCaller(LocalDate.of(2027, 1, 12)).size();
        }
    }

    private static List<JavaMethod> marked(JavaClasses classes) {
        return classes.stream().flatMap(c -> c.getMethods().stream()).filter(m -> m.isAnnotatedWith(AuditedByCaller.class))
                .toList();
    }

    private static List<String> callersThatDoNotAudit(JavaClasses classes) {
        return classes.stream()
                .filter(c -> c.getMethodCallsFromSelf().stream().anyMatch(call -> call.getTarget().resolveMember()
                        .filter(m -> m.isAnnotatedWith(AuditedByCaller.class)).isPresent()))
                .filter(c -> c.getMethodCallsFromSelf().stream().noneMatch(call -> call.getTargetOwner().isEquivalentTo(AuditTrail.class)
                        && call.getName().equals("recordPerPatient")))
                .map(JavaClass::getName).toList();
    }

    private static boolean mandatoryTransaction(JavaMethod method) {
        return method.getAnnotations().stream()
                .filter(a -> a.getRawType().getName().equals("org.springframework.transaction.annotation.Transactional"))
                .anyMatch(a -> a.get("propagation").filter(p -> p instanceof JavaEnumConstant e && e.name().equals("MANDATORY"))
                        .isPresent());
    }

    private static String name(JavaMethod method) {
        return method.getOwner().getSimpleName() + "." + method.getName();
    }
}
