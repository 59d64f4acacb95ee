package org.synovia.fhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.synovia.account.NewUserAccount;
import org.synovia.account.Role;
import org.synovia.account.UserAccounts;
import org.synovia.audit.AuditAction;
import org.synovia.audit.AuditTrail;
import org.synovia.shared.CurrentUser;
import org.synovia.shared.InvalidInputException.FieldProblem;
import org.synovia.shared.InvalidInputException;
import org.synovia.shared.Secrets;

/**
 * Creates, lists and authenticates the hospital systems that call the FHIR API. A secret is 256 random bits
 * shown once; only its SHA-256 is stored. Each client also has a disabled staff account of the same name, so that
 * the referrals it submits name their submitter like any other. A slow password hash would add nothing to a secret that cannot be
 * guessed, and would cost every API call a hundred milliseconds (ADR 0020). A client whose secret was found right is
 * not read again for {@value VerifiedCredentials#KEPT_FOR_SECONDS} seconds (ADR 0124); disabling it here refuses its
 * next call, with its secret or with a bearer token (ADR 0127).
 */
@Service
public class ApiClients {

    private static final int SECRET_BYTES = 32;
    /** More clients than any hospital has; beyond it all are forgotten at once, so that the map cannot grow without end. */
    private static final int VERIFIED_KEPT_AT_MOST = 1_000;

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;
    /** By client id: the client as read and the hash of the secret found right for it (ADR 0124). */
    private final VerifiedCredentials<String, Verified> verified;
    /** What a change to clients forgets: the verified clients and what else registered (bearer tokens, ADR 0127). */
    private final List<VerifiedCredentials<?, ?>> forgottenOnChange = new CopyOnWriteArrayList<>();

    private record Verified(byte[] secretHash, ApiClient client) {
    }

    ApiClients(JdbcClient jdbc, UserAccounts accounts, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.verified = new VerifiedCredentials<>(clock, VERIFIED_KEPT_AT_MOST);
        forgottenOnChange.add(verified);
    }

    /**
     * Has disabling or enabling a client, or changing its keys, forget what {@code kept} holds, at once and again at
     * the change's commit, exactly as the verified clients are forgotten.
     */
    public void forgetOnEveryChange(VerifiedCredentials<?, ?> kept) {
        forgottenOnChange.add(kept);
    }

    /** Registers a client with its scopes (one per line or separated by spaces) and returns its secret once. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public IssuedCredentials create(String name, String scopes) {
        List<FieldProblem> problems = new ArrayList<>();
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 120) {
            problems.add(new FieldProblem("name", "Name the system that will call the API (at most 120 characters)."));
        }
        Set<SmartScope> granted = new LinkedHashSet<>();
        for (String text : (scopes == null ? "" : scopes).split("\\s+")) {
            if (text.isBlank()) {
                continue;
            }
            try {
                granted.add(SmartScope.parse(text));
            }
            catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("scopes", e.getMessage()));
            }
        }
        if (granted.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("scopes"))) {
            problems.add(new FieldProblem("scopes", "Grant at least one scope, for example system/ServiceRequest.c."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String secret = Secrets.newToken(SECRET_BYTES);
        ApiClient client = new ApiClient(UUID.randomUUID(), "fhir-" + HexFormat.of().formatHex(Secrets.randomBytes(6)), label,
                List.copyOf(granted), true, clock.instant(), CurrentUser.username(), null, null);
        // Referrals name the account that submitted them: the client has one, disabled so that nobody signs in with it.
        String accountName = "API client: " + client.name();
        accounts.create(new NewUserAccount(client.clientId(), accountName.substring(0, Math.min(120, accountName.length())),
                null, null, Set.of(Role.REFERRER), UserAccounts.randomPassword()), CurrentUser.username());
        accounts.setEnabled(client.clientId(), false);
        jdbc.sql("""
                insert into api_client (id, client_id, name, secret_hash, scopes, enabled, created_at, created_by)
                values (?, ?, ?, ?, ?, true, ?, ?)
                """)
                .params(client.id(), client.clientId(), client.name(), hash(secret), text(client.scopes()),
                        Timestamp.from(client.createdAt()), client.createdBy())
                .update();
        audit.record(AuditAction.CREATE, "ApiClient", client.clientId(), null, client.name() + ": " + text(client.scopes()));
        return new IssuedCredentials(client, secret);
    }

    /** Stops or restarts a client's access at once (a leaked secret, a system retired); its history stays. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void setEnabled(String clientId, boolean enabled) {
        if (jdbc.sql("update api_client set enabled = ? where client_id = ?").params(enabled, clientId).update() == 0) {
            throw new InvalidInputException("clientId", "There is no API client '" + clientId + "'.");
        }
        forgetVerified();
        audit.record(AuditAction.UPDATE, "ApiClient", clientId, null, enabled ? "enabled" : "disabled");
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<ApiClient> list() {
        return jdbc.sql("select * from api_client order by created_at desc").query((rs, n) -> client(rs)).list();
    }

    /**
     * The enabled client with this id and secret, compared in constant time; empty otherwise. The client's row is
     * read once per {@value VerifiedCredentials#KEPT_FOR_SECONDS} seconds while its calls give the same secret
     * (ADR 0124); a wrong secret is always checked against the row.
     */
    public Optional<ApiClient> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null) {
            return Optional.empty();
        }
        byte[] offered = hash(secret).getBytes(StandardCharsets.US_ASCII);
        Verified kept = verified.kept(clientId);
        if (kept != null && MessageDigest.isEqual(offered, kept.secretHash())) {
            return Optional.of(kept.client());
        }
        VerifiedCredentials.Check check = verified.check();
        Optional<ApiClient> found = jdbc.sql("select * from api_client where client_id = ? and enabled").param(clientId)
                .query((rs, n) -> MessageDigest.isEqual(offered,
                        rs.getString("secret_hash").getBytes(StandardCharsets.US_ASCII)) ? client(rs) : null)
                .list().stream().filter(java.util.Objects::nonNull).findFirst();
        if (found.isPresent()) {
            verified.keep(check, clientId, new Verified(offered, found.get()), null);
        }
        return found;
    }

    /** Forgets every verified client and bearer token now and again when the change commits. */
    private void forgetVerified() {
        forgottenOnChange.forEach(VerifiedCredentials::forget);
    }

    /**
     * Registers the public keys a client signs its token requests with (SMART Backend Services, ADR 0063): a JSON
     * Web Key Set pasted in, or the URL where the client publishes it; both blank removes them. Only public RSA
     * (2048 bits or more) and P-384 EC keys are accepted; a private key pasted by mistake is refused, not stored.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void registerKeys(String clientId, String jwks, String jwksUrl) {
        String inline = jwks == null || jwks.isBlank() ? null : jwks.strip();
        String url = jwksUrl == null || jwksUrl.isBlank() ? null : jwksUrl.strip();
        if (inline != null && url != null) {
            throw new InvalidInputException("jwks", "Give either the key set or its URL, not both.");
        }
        if (inline != null) {
            ClientKeys.checkInline(inline);
        }
        if (url != null) {
            ClientKeys.checkUrl(url);
        }
        if (jdbc.sql("update api_client set jwks = ?, jwks_url = ? where client_id = ?").params(inline, url, clientId)
                .update() == 0) {
            throw new InvalidInputException("clientId", "There is no API client '" + clientId + "'.");
        }
        forgetVerified();
        audit.record(AuditAction.UPDATE, "ApiClient", clientId, null, inline != null ? "key set registered"
                : url != null ? "key set URL registered: " + url : "key set removed");
    }

    /** The enabled client with this id, for a token request signed with its key; empty otherwise. */
    public Optional<ApiClient> enabled(String clientId) {
        if (clientId == null || clientId.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("select * from api_client where client_id = ? and enabled").param(clientId)
                .query((rs, n) -> client(rs)).optional();
    }

    private static ApiClient client(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ApiClient(rs.getObject("id", UUID.class), rs.getString("client_id"), rs.getString("name"),
                Arrays.stream(rs.getString("scopes").split(" ")).map(SmartScope::parse).toList(), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getString("jwks"),
                rs.getString("jwks_url"));
    }

    private static String text(List<SmartScope> scopes) {
        return scopes.stream().map(SmartScope::toString).collect(Collectors.joining(" "));
    }

    static String hash(String secret) {
        return "sha256:" + Secrets.sha256Hex(secret);
    }
}
