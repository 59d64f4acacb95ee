package org.synovia.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserAccountRepository {

    private static final String SELECT = """
            select a.username, a.display_name, a.email, a.organisation, a.grade, a.enabled, a.created_at, a.password_hash,
                   a.professional_register, a.registration_number,
                   coalesce(string_agg(r.role, ',' order by r.role), '') as roles
            from user_account a left join user_role r on r.username = a.username
            """;

    /** The advisory lock key of changes to who administers (any fixed number unused elsewhere). */
    private static final long ADMINISTRATORS_LOCK = 0x5359_4e41_444dL;

    private final JdbcClient jdbc;

    UserAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String username) {
        return jdbc.sql("select count(*) from user_account where username = ?").param(username)
                .query(Integer.class).single() > 0;
    }

    long count() {
        return jdbc.sql("select count(*) from user_account").query(Long.class).single();
    }

    void insert(NewUserAccount account, String passwordHash, Instant at, String createdBy) {
        jdbc.sql("""
                insert into user_account (username, display_name, email, organisation, grade, password_hash, enabled, created_at,
                    created_by)
                values (?, ?, ?, ?, ?, ?, true, ?, ?)
                """)
                .params(account.username(), account.displayName(), account.email(), account.organisation(),
                        account.grade() == null ? null : account.grade().name(), passwordHash,
                        Timestamp.from(at), createdBy)
                .update();
        for (Role role : account.roles()) {
            jdbc.sql("insert into user_role (username, role) values (?, ?)").params(account.username(), role.name()).update();
        }
    }

    Optional<UserAccount> find(String username) {
        return jdbc.sql(SELECT + " where a.username = ? group by a.username").param(username)
                .query(UserAccountRepository::account).optional();
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql(SELECT + " where a.username = ? group by a.username").param(username)
                .query((rs, n) -> new Credentials(account(rs, n), rs.getString("password_hash"))).optional();
    }

    /** Accounts whose email is the given one, ignoring case: more than one means the address does not identify a person. */
    List<UserAccount> findByEmail(String email) {
        return jdbc.sql(SELECT + " where lower(a.email) = lower(?) group by a.username").param(email)
                .query(UserAccountRepository::account).list();
    }

    void setRoles(String username, Set<Role> roles) {
        jdbc.sql("delete from user_role where username = ?").param(username).update();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (username, role) values (?, ?)").params(username, role.name()).update();
        }
    }

    /** Full names of these usernames, in one read; usernames that are no account are absent. */
    Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select username, display_name from user_account where username = any(?)")
                .param(usernames.toArray(String[]::new))
                .query(rs -> {
                    names.put(rs.getString("username"), rs.getString("display_name"));
                });
        return names;
    }

    /**
     * Up to {@code limit} accounts the filter finds, in name order after the account {@code after} (none: from the
     * start), each with whether a second factor is set up; one statement (ADR 0125).
     */
    List<ListedAccount> page(StaffAccountFilter filter, String after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select a.username, a.display_name, a.email, a.organisation, a.grade, a.enabled, a.created_at,
                       a.professional_register, a.registration_number,
                       coalesce(string_agg(r.role, ',' order by r.role), '') as roles,
                       exists (select 1 from account_second_factor f where f.username = a.username
                               and f.confirmed_at is not null) as second_factor_on
                from user_account a left join user_role r on r.username = a.username
                """);
        List<Object> params = new ArrayList<>();
        where(sql, params, filter);
        if (after != null) {
            sql.append(params.isEmpty() ? " where" : " and").append("""
                     (lower(a.display_name), a.username) > (select lower(display_name), username from user_account
                                                            where username = ?)
                    """);
            params.add(after);
        }
        sql.append(" group by a.username order by lower(a.display_name), a.username limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new ListedAccount(account(rs, n), rs.getBoolean("second_factor_on"))).list();
    }

    /** How many accounts the filter finds in all. */
    long count(StaffAccountFilter filter) {
        StringBuilder sql = new StringBuilder("select count(*) from user_account a");
        List<Object> params = new ArrayList<>();
        where(sql, params, filter);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /** The filter's conditions, only those it sets, so that each combination is planned for what it asks. */
    private static void where(StringBuilder sql, List<Object> params, StaffAccountFilter filter) {
        List<String> conditions = new ArrayList<>();
        if (filter.text() != null) {
            // position(), not like: the words are matched as typed, with no wildcard to escape
            conditions.add("""
                    (position(? in lower(a.display_name)) > 0 or position(? in a.username) > 0
                     or position(? in lower(coalesce(a.email, ''))) > 0 or position(? in lower(coalesce(a.organisation, ''))) > 0)""");
            params.addAll(List.of(filter.text(), filter.text(), filter.text(), filter.text()));
        }
        if (filter.role() != null) {
            conditions.add("exists (select 1 from user_role x where x.username = a.username and x.role = ?)");
            params.add(filter.role().name());
        }
        if (filter.active() != null) {
            conditions.add("a.enabled = ?");
            params.add(filter.active());
        }
        if (!conditions.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", conditions));
        }
    }

    record ListedAccount(UserAccount account, boolean secondFactorOn) {
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("update user_account set enabled = ? where username = ?").params(enabled, username).update();
    }

    void setGrade(String username, StaffGrade grade) {
        jdbc.sql("update user_account set grade = ? where username = ?").params(grade == null ? null : grade.name(), username)
                .update();
    }

    void setRegistration(String username, ProfessionalRegistration registration) {
        jdbc.sql("update user_account set professional_register = ?, registration_number = ? where username = ?")
                .params(registration == null ? null : registration.register().name(),
                        registration == null ? null : registration.number(), username)
                .update();
    }

    void setPasswordHash(String username, String hash) {
        jdbc.sql("update user_account set password_hash = ?, session_generation = session_generation + 1 where username = ?")
                .params(hash, username).update();
    }

    /** Ends every session signed in before now, at its next request. */
    /**
     * The enabled administrators, read under a lock every change to administrators takes first, so that two of them
     * removing each other at once cannot leave none.
     */
    Set<String> lockAndReadEnabledAdministrators() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(ADMINISTRATORS_LOCK).query().listOfRows();
        return new java.util.HashSet<>(jdbc.sql("""
                select a.username from user_account a join user_role r on r.username = a.username
                where r.role = 'ADMIN' and a.enabled
                """).query(String.class).list());
    }

    void endSessions(String username) {
        jdbc.sql("update user_account set session_generation = session_generation + 1 where username = ?").param(username)
                .update();
    }

    /** The generation sessions of an enabled account must carry; empty when the account is disabled or gone. */
    Optional<Integer> sessionGeneration(String username) {
        return jdbc.sql("select session_generation from user_account where username = ? and enabled").param(username)
                .query(Integer.class).optional();
    }

    /**
     * What a signed-in request checks before anything else, in one read: the generation the account's sessions must
     * carry (null when the account is disabled or gone) and the version of staff names (ADR 0113).
     */
    SessionCheck sessionCheck(String username) {
        return jdbc.sql("""
                select v.version, a.session_generation
                from staff_names_version v left join user_account a on a.username = ? and a.enabled
                """).param(username)
                .query((rs, n) -> new SessionCheck((Integer) rs.getObject("session_generation"), rs.getLong("version")))
                .single();
    }

    long staffNamesVersion() {
        return jdbc.sql("select version from staff_names_version").query(Long.class).single();
    }

    /**
     * Every account's full name with the version they belong to, in one statement. Names read by a transaction that
     * has written anything may include its own uncommitted changes: they are marked as not to be kept for others.
     */
    StaffNamesCache.Snapshot staffNamesSnapshot() {
        Map<String, String> names = new HashMap<>();
        long[] version = new long[1];
        boolean[] keepable = new boolean[1];
        jdbc.sql("""
                select v.version, pg_current_xact_id_if_assigned() is null as keepable, a.username, a.display_name
                from staff_names_version v left join user_account a on true
                """)
                .query(rs -> {
                    version[0] = rs.getLong("version");
                    keepable[0] = rs.getBoolean("keepable");
                    if (rs.getString("username") != null) {
                        names.put(rs.getString("username"), rs.getString("display_name"));
                    }
                });
        return new StaffNamesCache.Snapshot(version[0], new StaffNames(names), keepable[0]);
    }

    record SessionCheck(Integer generation, long staffNamesVersion) {
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : rs.getString("roles").split(",")) {
            if (!role.isEmpty()) {
                roles.add(Role.valueOf(role));
            }
        }
        return new UserAccount(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                rs.getString("organisation"), roles, rs.getString("grade") == null ? null : StaffGrade.valueOf(rs.getString("grade")),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("professional_register") == null ? null : new ProfessionalRegistration(
                        ProfessionalRegister.valueOf(rs.getString("professional_register")), rs.getString("registration_number")));
    }

    record Credentials(UserAccount account, String passwordHash) {
    }
}
