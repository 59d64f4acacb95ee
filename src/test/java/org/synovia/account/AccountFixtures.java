package org.synovia.account;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Creates real staff accounts for tests and signs them in on the current thread. */
public final class AccountFixtures {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private AccountFixtures() {
    }

    /** A radiologist is a consultant unless a test asks for another grade, as most vetting is. */
    public static UserAccount create(UserAccounts accounts, Role... roles) {
        return create(accounts, Set.of(roles).contains(Role.RADIOLOGIST) ? StaffGrade.CONSULTANT : null, roles);
    }

    public static UserAccount create(UserAccounts accounts, StaffGrade grade, Role... roles) {
        String username = roles[0].name().toLowerCase() + "." + System.nanoTime() % 1_000_000 + "." + SEQUENCE.incrementAndGet();
        return accounts.create(new NewUserAccount(username, "Test " + roles[0].label(), username + "@example.com",
                "Test Hospital", Set.of(roles), grade, PASSWORD), "test");
    }

    /** Puts the account on this thread's security context, as a signed-in request would. */
    public static void signIn(UserAccount account) {
        List<SimpleGrantedAuthority> authorities = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(account.username(), null, authorities));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** Runs {@code work} signed in as a new account of this role, and signs out whatever happens. */
    public static void asNew(UserAccounts accounts, Role role, Runnable work) {
        signIn(create(accounts, role));
        try {
            work.run();
        }
        finally {
            signOut();
        }
    }
}
