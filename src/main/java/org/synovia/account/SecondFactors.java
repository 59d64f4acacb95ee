package org.synovia.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException;

/**
 * The optional second factor of staff (TOTP, ADR 0061): enrolment confirmed by a code, the check at sign-in with
 * each code taken once, and an administrator's reset. Secrets are stored encrypted ({@link SecondFactorSecrets}).
 */
@Service
public class SecondFactors {

    static final String WRONG_CODE = "That code is not right. Type the newest code your app shows; if it keeps failing, "
            + "check that your phone's clock is set automatically.";

    /** What the person types into, or scans with, their authenticator app. */
    public record Enrolment(String secret, String uri) {
    }

    private record Row(byte[] secret, boolean confirmed, long lastUsedStep) {
    }

    private final JdbcClient jdbc;
    private final SecondFactorSecrets secrets;
    private final SecondFactorProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    SecondFactors(JdbcClient jdbc, SecondFactorSecrets secrets, SecondFactorProperties properties, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the person's second factor is on (enrolled and confirmed). */
    public boolean isOn(String username) {
        return row(username).map(Row::confirmed).orElse(false);
    }

    /** Whether one of these roles obliges its holder to use a second factor. */
    boolean requiredFor(Collection<? extends GrantedAuthority> authorities) {
        return properties.requiredRoles().stream().anyMatch(role -> authorities.stream()
                .anyMatch(authority -> authority.getAuthority().equals(role.authority())));
    }

    /**
     * Starts (or shows again) an enrolment not yet confirmed; the second factor is asked at sign-in only once a code
     * from the app has confirmed it.
     */
    @Transactional
    public Enrolment startEnrolment(String username) {
        Optional<Row> existing = row(username);
        if (existing.map(Row::confirmed).orElse(false)) {
            throw new InvalidInputException("code", "Your second factor is already on. An administrator can reset it if you "
                    + "lost your phone.");
        }
        byte[] secret;
        if (existing.isPresent()) {
            secret = secrets.decrypt(username, existing.get().secret());
        }
        else {
            secret = SecondFactorSecrets.newSecret();
            jdbc.sql("insert into account_second_factor (username, secret, created_at) values (?, ?, ?)")
                    .params(username, secrets.encrypt(username, secret), Timestamp.from(clock.instant())).update();
        }
        return enrolment(username, secret);
    }

    /** Switches the second factor on once a code from the person's app shows that it reads the secret. */
    @Transactional
    public void confirm(String username, String code) {
        Row row = row(username).filter(existing -> !existing.confirmed())
                .orElseThrow(() -> new InvalidInputException("code", "Start the set-up again: there is no second factor "
                        + "waiting to be confirmed."));
        OptionalLong step = Totp.match(secrets.decrypt(username, row.secret()), code, clock.instant(), row.lastUsedStep());
        if (step.isEmpty()) {
            throw new InvalidInputException("code", WRONG_CODE);
        }
        jdbc.sql("update account_second_factor set confirmed_at = ?, last_used_step = ? where username = ?")
                .params(Timestamp.from(clock.instant()), step.getAsLong(), username).update();
        if (username.equals(CurrentUser.username())) {
            audit.record(AuditAction.UPDATE, UserAccounts.ACCOUNT, username, null, "second factor switched on");
        }
        else {
            audit.recordAttempt(username, AuditAction.UPDATE, UserAccounts.ACCOUNT, "second factor switched on at sign-in");
        }
    }

    /**
     * True for a right code of a confirmed second factor that was not used before. Taking the step is one conditional
     * update, so two requests with the same code cannot both succeed.
     */
    boolean verify(String username, String code) {
        Optional<Row> row = row(username).filter(Row::confirmed);
        if (row.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.match(secrets.decrypt(username, row.get().secret()), code, clock.instant(),
                row.get().lastUsedStep());
        return step.isPresent() && jdbc.sql("update account_second_factor set last_used_step = ? where username = ? "
                + "and confirmed_at is not null and last_used_step < ?").params(step.getAsLong(), username, step.getAsLong())
                .update() == 1;
    }

    /** An administrator removes a lost or broken second factor; the person enrols again (at their next sign-in if required). */
    @Transactional
    public void reset(String username) {
        if (jdbc.sql("select count(*) from user_account where username = ?").param(username).query(Integer.class).single() == 0) {
            throw new InvalidInputException("username", "No account named '" + username + "'.");
        }
        int removed = jdbc.sql("delete from account_second_factor where username = ?").param(username).update();
        audit.record(AuditAction.UPDATE, UserAccounts.ACCOUNT, username, null,
                removed == 0 ? "second factor reset (none was set up)" : "second factor reset");
    }

    private Enrolment enrolment(String username, byte[] secret) {
        String base32 = Base32.encode(secret);
        String label = UriUtils.encodePathSegment(properties.issuer() + ":" + username, java.nio.charset.StandardCharsets.UTF_8);
        String issuer = UriUtils.encodeQueryParam(properties.issuer(), java.nio.charset.StandardCharsets.UTF_8);
        return new Enrolment(base32, "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP.toSeconds());
    }

    private Optional<Row> row(String username) {
        return jdbc.sql("select secret, confirmed_at is not null as confirmed, last_used_step from account_second_factor "
                + "where username = ?").param(username)
                .query((rs, n) -> new Row(rs.getBytes("secret"), rs.getBoolean("confirmed"), rs.getLong("last_used_step")))
                .optional();
    }
}
