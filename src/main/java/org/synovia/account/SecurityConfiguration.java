package org.synovia.account;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Form sign-in with hashed passwords and CSRF protection. Which role may do what is declared beside
 * each page and façade ({@code @PreAuthorize}), so the rules live with the feature they guard.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

    /**
     * The JSON API for hospital systems and scripts: HTTP Basic with a staff or service account,
     * no session and no CSRF token (no cookies are involved).
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationProvider passwords, SecondFactorSignIn secondFactor,
            AuthenticationEventPublisher events) throws Exception {
        ProviderManager apiPasswords = new ProviderManager(new PasswordWithoutSecondFactor(passwords, secondFactor));
        apiPasswords.setAuthenticationEventPublisher(events);
        http.securityMatcher("/api/**")
                .authenticationManager(apiPasswords)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/openapi.yaml").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Synovia API"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, SessionGenerationFilter sessionGenerations, SsoProperties sso,
            ObjectProvider<SsoConfiguration.SsoSignIn> singleSignOn, SecondFactorSignIn secondFactor,
            SameOriginProperties origins, SecurityAudit audit) throws Exception {
        http.addFilterBefore(sessionGenerations, AuthorizationFilter.class)
                .addFilterBefore(new SameOriginFilter(origins, audit), CsrfFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", SecondFactorSignIn.PATH, "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/actuator/info",
                                // The patient's own appointment page: the secret in the link is the credential.
                                "/my-appointment/**", "/choose-appointment/**",
                                // The patient's pain diary (#7): the link is the credential, as above.
                                "/my-diary/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("JSESSIONID")
                        .permitAll())
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(SecurityConfiguration::headers);
        if (sso.passwordFormShown()) {
            http.formLogin(form -> form.loginPage("/login").successHandler(secondFactor.successHandler())
                    .failureHandler(failureHandler()).permitAll());
        }
        SsoConfiguration.SsoSignIn provider = singleSignOn.getIfAvailable();
        if (provider != null) {
            provider.configure(http);
        }
        return http.build();
    }

    /**
     * Pages are not to be framed, leak no path to other sites, may not use camera, microphone or location, and a
     * browser that reached the application over HTTPS is told to keep using it (HSTS is sent on secure requests only).
     */
    static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true));
    }

    /** A locked name or address sees that it must wait; the page is the same whether or not the account exists. */
    private static AuthenticationFailureHandler failureHandler() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        handler.setDefaultFailureUrl("/login?error");
        return handler;
    }

    /** Passwords are checked behind the sign-in throttle, for the form and for the API alike (ADR 0052). */
    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder,
            SignInThrottle throttle, SecondFactorSignIn secondFactor) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(passwords, throttle,
                result -> secondFactor.asks(result.getName(), result.getAuthorities()));
    }

    /**
     * HTTP Basic has no second step, so an account whose second factor is on (or required) cannot use the API with
     * its password alone; scripts use a service account without one (ADR 0061).
     */
    private record PasswordWithoutSecondFactor(AuthenticationProvider passwords, SecondFactorSignIn secondFactor)
            implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication attempt) {
            Authentication result = passwords.authenticate(attempt);
            if (result != null && secondFactor.asks(result.getName(), result.getAuthorities())) {
                throw new DisabledException("This account signs in with a second factor; use a service account for the API.");
            }
            return result;
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return passwords.supports(authentication);
        }
    }

    @Bean
    SessionGenerationFilter sessionGenerationFilter(UserAccountRepository accounts) {
        return new SessionGenerationFilter(accounts);
    }

    /** Registered in the security chain only, not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<SessionGenerationFilter> sessionGenerationFilterRegistration(SessionGenerationFilter filter) {
        FilterRegistrationBean<SessionGenerationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserAccountRepository accounts) {
        return username -> accounts.credentials(username.trim().toLowerCase())
                .map(credentials -> User.withUsername(credentials.account().username())
                        .password(credentials.passwordHash())
                        .disabled(!credentials.account().enabled())
                        .authorities(credentials.account().roles().stream()
                                .map(role -> new SimpleGrantedAuthority(role.authority())).toList())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
