package org.synovia.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Secrets;

/** Creates, lists and changes staff accounts. */
@Service
public class UserAccounts {


    private final UserAccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    UserAccounts(UserAccountRepository repository, PasswordEncoder passwordEncoder, Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional
    public UserAccount create(NewUserAccount account, String createdBy) {
        if (repository.exists(account.username())) {
            throw new InvalidInputException("username", "An account named '" + account.username() + "' already exists.");
        }
        repository.insert(account, passwordEncoder.encode(account.password()), clock.instant(), createdBy);
        return repository.find(account.username()).orElseThrow();
    }

    public Optional<UserAccount> find(String username) {
        return repository.find(username);
    }

    public List<UserAccount> all() {
        return repository.findAll();
    }

    public boolean any() {
        return repository.count() > 0;
    }

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        requireExisting(username);
        repository.setEnabled(username, enabled);
    }

    /** Records the person's clinical grade (null: none), which decides what they may override (ADR 0035). */
    @Transactional
    public void setGrade(String username, StaffGrade grade) {
        requireExisting(username);
        repository.setGrade(username, grade);
    }

    @Transactional
    public void resetPassword(String username, String newPassword) {
        requireExisting(username);
        if (newPassword == null || newPassword.length() < NewUserAccount.MIN_PASSWORD_LENGTH || newPassword.length() > 128) {
            throw new InvalidInputException("password",
                    "Use a password of " + NewUserAccount.MIN_PASSWORD_LENGTH + " to 128 characters.");
        }
        repository.setPasswordHash(username, passwordEncoder.encode(newPassword));
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
