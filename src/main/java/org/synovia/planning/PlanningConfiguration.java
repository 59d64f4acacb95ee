package org.synovia.planning;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The session planner is plain Java; one instance serves the page's runs and the freed-slot choice. */
@Configuration
class PlanningConfiguration {

    @Bean
    SessionPlanner sessionPlanner() {
        return new SessionPlanner();
    }
}
