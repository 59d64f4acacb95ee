package org.synovia.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.apache.catalina.Wrapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.synovia.SynoviaIntegrationTest;

@SynoviaIntegrationTest
class FhirServletWarmUpIntegrationTests {

    @Autowired ApplicationContext context;

    @Test
    void buildsTheFhirServletAfterReadinessNotDuringStartUp() {
        Wrapper servlet = FhirServletWarmUp.fhirServlet(context);

        assertThat(servlet).isNotNull();
        assertThat(servlet.getLoadOnStartup()).as("built during start-up").isNegative();
        // Initialised (its ServletConfig set) by the warm-up, with no FHIR call needed.
        await().atMost(Duration.ofSeconds(60)).until(() -> servlet.getServlet().getServletConfig() != null);
    }
}
