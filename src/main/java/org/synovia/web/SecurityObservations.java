package org.synovia.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security does not observe its own work. With an observation registry present it wrapped each of the
 * chain's filters and every authorization decision in a timed observation with tags on every request: 6–12% of a
 * warm list page's CPU samples, for meters nobody reads (only health and info are exposed). The request as a
 * whole is still observed ({@code http.server.requests}); the audit trail, not metrics, records who was refused
 * (ADR 0105).
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
