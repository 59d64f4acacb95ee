package org.synovia.cdshooks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * CDS clients are record systems calling server to server: HTTP Basic with an account, no session, no CSRF
 * token (no cookies), like the JSON API. Discovery is open: it names the services and what they need, no
 * patient data (ADR 0023).
 */
@Configuration(proxyBeanMethods = false)
class CdsHooksSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain cdsHooksFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/cds-services", "/cds-services/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/cds-services").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Synovia CDS Hooks"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
