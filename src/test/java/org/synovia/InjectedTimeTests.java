package org.synovia;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The application reads the time only from its injected {@code Clock}, so that tests can fix the day. */
class InjectedTimeTests {

    private final JavaClasses production = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.synovia");

    @Test
    void noProductionCodeAsksTheWallClock() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDate.class, "now", ZoneId.class)
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(LocalTime.class, "now", ZoneId.class)
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now", ZoneId.class)
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now", ZoneId.class)
                .because("the day must come from the injected Clock, which tests fix")
                .check(production);
    }
}
