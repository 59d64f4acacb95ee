package org.synovia.account;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;

/**
 * Writes sign-ins, refused credentials and refused access (403) to the audit trail, each in a transaction of its own
 * so that the refusal that follows cannot roll it back. A refused sign-in is recorded alike whether or not the
 * account exists, and the page says the same in both cases.
 */
@Configuration(proxyBeanMethods = false)
class SecurityAudit {

    static final String SIGN_IN = "SignIn";
    static final String ACCESS = "Access";

    private final AuditTrail audit;
    private final SsoProperties sso;
    private final SecondFactorSignIn secondFactor;
    private final TransactionTemplate ownTransaction;

    SecurityAudit(AuditTrail audit, SsoProperties sso, SecondFactorSignIn secondFactor, PlatformTransactionManager transactionManager) {
        this.audit = audit;
        this.sso = sso;
        this.secondFactor = secondFactor;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Has Spring Security publish refusals of pages and of {@code @PreAuthorize} methods as events. */
    @Bean
    static AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    /** Sign-in through the form or the provider; API calls authenticate on every request and are not sign-ins. */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication who = event.getAuthentication();
        boolean bothFactors = who.getDetails() instanceof SecondFactorSignIn.BothFactors;
        if (who instanceof UsernamePasswordAuthenticationToken && !bothFactors
                && secondFactor.asks(who.getName(), who.getAuthorities())) {
            return; // the password was right, but this is no sign-in until the code is (recorded then, ADR 0061)
        }
        String details = who instanceof OAuth2AuthenticationToken ? "signed in through " + sso.providerName()
                : bothFactors ? "signed in with password and second factor" : "signed in";
        ownTransaction.executeWithoutResult(status -> audit.record(AuditAction.SIGN_IN, SIGN_IN, null, null, details));
    }

    /** The provider's answer was refused, or the person it vouched for may not sign in here (ADR 0060). */
    void singleSignOnRefused(String attemptedAs, String why) {
        ownTransaction.executeWithoutResult(status -> audit.recordAttempt(attemptedAs, AuditAction.SIGN_IN_REFUSED, SIGN_IN,
                "single sign-on through " + sso.providerName() + " refused (" + why + ") at " + requestLine()));
    }

    @EventListener
    void credentialsRefused(AbstractAuthenticationFailureEvent event) {
        String what = event instanceof AuthenticationFailureLockedEvent
                ? "refused while locked after repeated failures (password not checked) at "
                : "credentials refused at ";
        ownTransaction.executeWithoutResult(status -> audit.recordAttempt(event.getAuthentication().getName(),
                AuditAction.SIGN_IN_REFUSED, SIGN_IN, what + requestLine()));
    }

    /** Refusals of people who are signed in; an anonymous visitor is sent to the sign-in page instead. */
    @EventListener
    void accessRefused(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> audit.record(AuditAction.ACCESS_REFUSED, ACCESS, null, null,
                "refused: " + requestLine()));
    }

    /** A state-changing staff request from another site (ADR 0062), whether or not someone is signed in. */
    void crossOriginRefused(String from) {
        Authentication who = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        String what = "cross-origin request refused: " + requestLine() + " (" + from + ")";
        ownTransaction.executeWithoutResult(status -> {
            if (who == null || who instanceof AnonymousAuthenticationToken) {
                audit.recordAttempt("(not signed in)", AuditAction.ACCESS_REFUSED, ACCESS, what);
            }
            else {
                audit.record(AuditAction.ACCESS_REFUSED, ACCESS, null, null, what);
            }
        });
    }

    private static String requestLine() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getMethod() + " " + attributes.getRequest().getRequestURI();
        }
        return "(no request)";
    }
}
