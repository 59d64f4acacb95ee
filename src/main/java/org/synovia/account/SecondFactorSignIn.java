package org.synovia.account;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.InvalidInputException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second step of a password sign-in (ADR 0061). After the right password of someone whose second factor is on,
 * or whose role requires one, the session is not signed in: it only remembers who gave the password, for
 * {@code code-wait}. The code then signs it in, in a new session id. Wrong codes count toward the sign-in lockout
 * (ADR 0052) like wrong passwords, and the right password no longer clears that count while a code is owed.
 */
@Component
public class SecondFactorSignIn {

    /** Where the person gives their code. */
    public static final String PATH = "/login/second-factor";

    static final String WAITING = SecondFactorSignIn.class.getName() + ".waiting";

    public enum Outcome { SIGNED_IN, WRONG_CODE, LOCKED, NOT_WAITING }

    /** Someone whose password was right and who owes a code; {@code enrolment} is set when they must first set one up. */
    public record Waiting(String username, SecondFactors.Enrolment enrolment) {
    }

    /** Marks a session signed in with both factors, for the audit trail. */
    record BothFactors(String address) implements Serializable {
    }

    private record Pending(String username, List<String> authorities, Instant passwordAt, boolean mustEnrol)
            implements Serializable {
    }

    private final SecondFactors secondFactors;
    private final SignInThrottle throttle;
    private final SecondFactorProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    SecondFactorSignIn(SecondFactors secondFactors, SignInThrottle throttle, SecondFactorProperties properties,
            ApplicationEventPublisher events, AuditTrail audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Whether a password sign-in of this person must be followed by a code. */
    boolean asks(String username, java.util.Collection<? extends GrantedAuthority> authorities) {
        return secondFactors.isOn(username) || secondFactors.requiredFor(authorities);
    }

    /** The form sign-in's success handler: on to the code when one is owed, otherwise where the person was going. */
    AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        signedIn.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            if (authentication instanceof UsernamePasswordAuthenticationToken
                    && asks(authentication.getName(), authentication.getAuthorities())) {
                wait(request, authentication);
                response.sendRedirect(request.getContextPath() + PATH);
                return;
            }
            signedIn.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private void wait(HttpServletRequest request, Authentication passwordRight) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession();
        session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        request.removeAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
        session.removeAttribute(SessionGenerationFilter.ATTRIBUTE);
        session.setAttribute(WAITING, new Pending(passwordRight.getName(),
                passwordRight.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList(), clock.instant(),
                !secondFactors.isOn(passwordRight.getName())));
    }

    /** The person owing a code in this session, if any and not too late. */
    public Optional<Waiting> waiting(HttpServletRequest request) {
        return pending(request).map(pending -> new Waiting(pending.username(),
                pending.mustEnrol() ? secondFactors.startEnrolment(pending.username()) : null));
    }

    /** Checks the code and, when it is right, signs the session in. */
    public Outcome submit(HttpServletRequest request, HttpServletResponse response, String code)
            throws IOException, ServletException {
        Optional<Pending> found = pending(request);
        if (found.isEmpty()) {
            return Outcome.NOT_WAITING;
        }
        Pending pending = found.get();
        String address = request.getRemoteAddr();
        if (throttle.refuses(pending.username(), address)) {
            request.getSession().removeAttribute(WAITING);
            refused(pending.username(), "second factor refused while locked after repeated failures (code not checked)");
            return Outcome.LOCKED;
        }
        if (!right(pending, code)) {
            throttle.failed(pending.username(), address);
            refused(pending.username(), "second factor code refused");
            if (throttle.refuses(pending.username(), address)) {
                request.getSession().removeAttribute(WAITING);
                return Outcome.LOCKED;
            }
            return Outcome.WRONG_CODE;
        }
        throttle.succeeded(pending.username());
        request.getSession().removeAttribute(WAITING);
        request.changeSessionId();
        UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(pending.username(), null,
                pending.authorities().stream().map(SimpleGrantedAuthority::new).toList());
        signedIn.setDetails(new BothFactors(address));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        events.publishEvent(new InteractiveAuthenticationSuccessEvent(signedIn, SecondFactorSignIn.class));
        return Outcome.SIGNED_IN;
    }

    private boolean right(Pending pending, String code) {
        if (!pending.mustEnrol()) {
            return secondFactors.verify(pending.username(), code);
        }
        try {
            secondFactors.confirm(pending.username(), code);
            return true;
        }
        catch (InvalidInputException e) {
            return false;
        }
    }

    private void refused(String username, String what) {
        ownTransaction.executeWithoutResult(status -> audit.recordAttempt(username, AuditAction.SIGN_IN_REFUSED,
                SecurityAudit.SIGN_IN, what + " at POST " + PATH));
    }

    private Optional<Pending> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(WAITING) instanceof Pending pending)) {
            return Optional.empty();
        }
        if (clock.instant().isAfter(pending.passwordAt().plus(properties.codeWait()))) {
            session.removeAttribute(WAITING);
            return Optional.empty();
        }
        return Optional.of(pending);
    }
}
