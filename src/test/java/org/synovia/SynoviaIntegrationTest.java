package org.synovia;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.synovia.testing.FixedStartClock;
import org.synovia.testing.StatementCounter;
import org.synovia.testing.TestSmtp;

/**
 * The whole application on a real embedded PostgreSQL and a real port. Every integration test uses
 * exactly this configuration so that one Spring context (and one database) serves them all. The application's clock
 * starts on a fixed day ({@link FixedStartClock}); its data source counts statements per thread
 * ({@link StatementCounter}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(FixedStartClock.class)
@ContextConfiguration(initializers = {TestSmtp.Initializer.class, org.synovia.testing.TestHl7.Initializer.class,
        StatementCounter.Initializer.class, org.synovia.testing.TestCdsClient.Initializer.class})
public @interface SynoviaIntegrationTest {
}
