package org.synovia.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Secrets;

/** Creates, lists and changes staff accounts; every change is written to the audit trail with who made it. */
@Service
public class UserAccounts {

    /** The record type of account administration in the audit trail. */
    public static final String ACCOUNT = "UserAccount";

    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final Clock clock;
    private final AuditTrail audit;
    private final SignInThrottle throttle;
    private final StaffNamesCache staffNames;

    UserAccounts(UserAccountRepository repository, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, Clock clock,
            AuditTrail audit, SignInThrottle throttle, StaffNamesCache staffNames) {
        this.throttle = throttle;
        this.staffNames = staffNames;
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public UserAccount create(NewUserAccount account, String createdBy) {
        if (repository.exists(account.username())) {
            throw new InvalidInputException("username", "An account named '" + account.username() + "' already exists.");
        }
        passwordPolicy.check(account.username(), account.password());
        repository.insert(account, passwordEncoder.encode(account.password()), clock.instant(), createdBy);
        StaffNamesCache.forgetSeen();
        UserAccount created = repository.find(account.username()).orElseThrow();
        audit.record(AuditAction.CREATE, ACCOUNT, created.username(), null, "account created with roles "
                + created.roles().stream().map(Enum::name).sorted().toList() + ", grade " + gradeName(created.grade()));
        return created;
    }

    public Optional<UserAccount> find(String username) {
        return repository.find(username);
    }

    /** Accounts shown on one page of the "Staff accounts" list (ADR 0125). */
    public static final int PAGE_SIZE = 25;

    /**
     * One page of the accounts the filter finds, in name order after the account {@code after} (null: the first
     * page), with how many it finds in all; a fixed number of statements however many accounts there are. A first
     * page with no page after it holds every account found, so it is its own count and the count is not asked.
     */
    @Transactional(readOnly = true)
    public StaffAccountPage page(StaffAccountFilter filter, String after) {
        List<UserAccountRepository.ListedAccount> listed = repository.page(filter, after, PAGE_SIZE + 1);
        boolean more = listed.size() > PAGE_SIZE;
        List<UserAccountRepository.ListedAccount> shown = more ? listed.subList(0, PAGE_SIZE) : listed;
        List<UserAccount> accounts = shown.stream().map(UserAccountRepository.ListedAccount::account).toList();
        long found = after == null && !more ? shown.size() : repository.count(filter);
        return new StaffAccountPage(accounts, found,
                more ? accounts.getLast().username() : null,
                shown.stream().filter(UserAccountRepository.ListedAccount::secondFactorOn)
                        .map(l -> l.account().username()).collect(Collectors.toSet()),
                lockedOut(accounts));
    }

    public boolean any() {
        return repository.count() > 0;
    }

    /**
     * Disables or enables an account; disabling ends its sessions at their next request. The last enabled
     * administrator cannot be disabled, and nobody disables their own account. Audited with before and after.
     */
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        UserAccount before = repository.find(username)
                .orElseThrow(() -> new InvalidInputException("username", "No account named '" + username + "'."));
        if (!enabled) {
            if (username.equals(CurrentUser.username())) {
                throw new InvalidInputException("enabled", "You cannot disable your own account.");
            }
            if (repository.lockAndReadEnabledAdministrators().equals(Set.of(username))) {
                throw new InvalidInputException("enabled", "'" + username + "' is the last active administrator; "
                        + "make someone else an administrator first.");
            }
        }
        repository.setEnabled(username, enabled);
        if (!enabled) {
            repository.endSessions(username);
        }
        audit.record(AuditAction.UPDATE, ACCOUNT, username, null, (enabled ? "account enabled" : "account disabled")
                + "; before: " + (before.enabled() ? "enabled" : "disabled") + ", after: " + (enabled ? "enabled" : "disabled"));
    }

    /**
     * An administrator sets a person's roles. The sessions of the person end at their next request, so that a role
     * taken away is gone at once and one given is used from the next sign-in. An administrator cannot take the
     * administrator role from themselves, and the last active administrator keeps it. Audited with before and after.
     */
    @Transactional
    public UserAccount setRoles(String username, Set<Role> roles) {
        UserAccount before = repository.find(username)
                .orElseThrow(() -> new InvalidInputException("username", "No account named '" + username + "'."));
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "Choose at least one role; to stop someone signing in, disable the account.");
        }
        if (before.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            if (username.equals(CurrentUser.username())) {
                throw new InvalidInputException("roles", "You cannot remove your own administrator role; ask another administrator.");
            }
            if (repository.lockAndReadEnabledAdministrators().equals(Set.of(username))) {
                throw new InvalidInputException("roles", "'" + username + "' is the last active administrator and keeps the role.");
            }
        }
        if (before.roles().equals(roles)) {
            return before;
        }
        repository.setRoles(username, roles);
        repository.endSessions(username);
        audit.record(AuditAction.UPDATE, ACCOUNT, username, null, "roles changed; before: " + names(before.roles())
                + ", after: " + names(roles));
        return repository.find(username).orElseThrow();
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }

    /** The usernames among these accounts that are locked after repeated refused sign-ins (ADR 0052). */
    public Set<String> lockedOut(List<UserAccount> accounts) {
        return accounts.stream().map(UserAccount::username).filter(throttle::locksUsername).collect(Collectors.toSet());
    }

    /**
     * An administrator lifts the lock on a username at once (the person phoned, or a colleague's mistyping locked
     * them). The lock is lifted once the audit line is committed; a locked address stays locked.
     */
    @Transactional
    public void unlock(String username) {
        requireExisting(username);
        audit.record(AuditAction.UPDATE, ACCOUNT, username, null, throttle.locksUsername(username)
                ? "sign-in lock lifted" : "sign-in lock lifted (was not locked)");
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                throttle.unlock(username);
            }
        });
    }

    /** Records the person's clinical grade (null: none), which decides what they may override (ADR 0035). */
    @Transactional
    public void setGrade(String username, StaffGrade grade) {
        requireExisting(username);
        repository.setGrade(username, grade);
        audit.record(AuditAction.UPDATE, ACCOUNT, username, null, "grade set to " + gradeName(grade));
    }

    /**
     * Records the person's professional registration (null: none), printed under their name on the reports they
     * sign (ADR 0082).
     */
    @Transactional
    public void setRegistration(String username, ProfessionalRegistration registration) {
        requireExisting(username);
        repository.setRegistration(username, registration);
        audit.record(AuditAction.UPDATE, ACCOUNT, username, null, "registration set to "
                + (registration == null ? "none" : registration.printed()));
    }

    /**
     * Staff as pages and documents name them (full name, never username); a username with no account (the system) is
     * shown as it is. Held in memory and reread only after a name or an account was added or changed (ADR 0113).
     */
    public StaffNames staffNames() {
        return staffNames.current();
    }

    @Transactional
    public void resetPassword(String username, String newPassword) {
        requireExisting(username);
        passwordPolicy.check(username, newPassword);
        repository.setPasswordHash(username, passwordEncoder.encode(newPassword));
        audit.record(AuditAction.UPDATE, ACCOUNT, username, null, "password reset");
    }

    /**
     * A person changes their own password, proving the current one first. Every session of theirs, this one
     * included, ends at its next request.
     */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        String hash = repository.credentials(username).map(UserAccountRepository.Credentials::passwordHash).orElse(null);
        if (hash == null || currentPassword == null || currentPassword.isEmpty()
                || PasswordPolicy.shapeProblem(currentPassword).filter(message -> message.contains("bytes")).isPresent()
                || !passwordEncoder.matches(currentPassword, hash)) {
            throw new InvalidInputException("currentPassword", "The current password is not right.");
        }
        passwordPolicy.check(username, newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("password", "Choose a password different from the current one.");
        }
        repository.setPasswordHash(username, passwordEncoder.encode(newPassword));
        audit.record(AuditAction.UPDATE, ACCOUNT, username, null, "password changed by its owner");
    }

    /**
     * At a first single sign-on with account creation allowed: an account with the mapped roles and a random password
     * nobody is told, so the person signs in through the provider only. Empty when no valid, free username follows
     * from the claim.
     */
    @Transactional
    UserAccount createForSingleSignOn(String link, boolean linkIsEmail, String fullName, String email, Set<Role> roles,
            String provider) {
        String username = (linkIsEmail ? link.substring(0, Math.max(0, link.indexOf('@'))) : link)
                .replaceAll("[^a-z0-9._-]", ".");
        if (repository.exists(username)) {
            return null;
        }
        NewUserAccount account;
        try {
            account = new NewUserAccount(username, fullName == null || fullName.isBlank() ? username : fullName,
                    linkIsEmail ? link : email, provider, roles, null, randomPassword());
        }
        catch (InvalidInputException e) {
            return null;
        }
        return create(account, "single sign-on (" + provider + ")");
    }

    /**
     * Roles follow the provider's claim at every single sign-on. Other sessions of the person end, so a role withdrawn
     * at the provider is not kept by a session opened earlier.
     */
    @Transactional
    void setRolesFromProvider(String username, Set<Role> roles, String provider) {
        Set<Role> before = repository.find(username).map(UserAccount::roles).orElse(Set.of());
        repository.setRoles(username, roles);
        repository.endSessions(username);
        audit.recordAttempt(username, AuditAction.UPDATE, ACCOUNT, "roles set to " + sorted(roles) + " from the claims of "
                + provider + " at sign-in (were " + sorted(before) + ")");
    }

    private static List<String> sorted(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }

    private static String gradeName(StaffGrade grade) {
        return grade == null ? "none" : grade.name();
    }

    /** A password nobody knows until it is shown once: for the first administrator. */
    public static String randomPassword() {
        return Secrets.newToken(18);
    }

    private void requireExisting(String username) {
        if (!repository.exists(username)) {
            throw new InvalidInputException("username", "No account named '" + username + "'.");
        }
    }
}
