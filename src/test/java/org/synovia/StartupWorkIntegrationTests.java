package org.synovia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * What the start builds that nothing reads stays out (ADR 0107): no meter registry nor its binders, no observation
 * registry timing each request, no second (Jackson 2) mapper for Actuator, and health still answers in JSON.
 */
@SynoviaIntegrationTest
class StartupWorkIntegrationTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;

    @Test
    void buildsNoMetersNorObservations() {
        assertThat(context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ObservationRegistry.class)).isEmpty();
        assertThat(context.getBeanNamesForType(com.fasterxml.jackson.databind.ObjectMapper.class)).isEmpty();
    }

    @Test
    void healthStillAnswersInJson() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.valueOf("application/vnd.spring-boot.actuator.v3+json")))
                .andExpect(content().json("{\"status\":\"UP\"}"));
    }
}
