package org.synovia.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.postgresql.PGConnection;
import org.synovia.shared.OwnerOnlyFiles;

/**
 * Who may log in to the embedded PostgreSQL, and as what (ADR 0048): passwords (SCRAM-SHA-256) on the local
 * socket and on loopback, nothing else listened to, and three roles. The bootstrap superuser serves the
 * server's own setup, backups and supervision; {@value EmbeddedCredentials#OWNER} owns the schema and runs the
 * migrations; {@value EmbeddedCredentials#APPLICATION} is the pool's login, given its table rights by the
 * migrations (V81).
 */
final class EmbeddedAccess {

    static final String METHOD = "scram-sha-256";

    /** Loopback only, and passwords stored as SCRAM verifiers. */
    static final Map<String, String> SERVER_SETTINGS = Map.of(
            "listen_addresses", "localhost",
            "password_encryption", METHOD);

    private static final String HOST_BASED_ACCESS = """
            # Written by Synovia before every start of its embedded PostgreSQL (docs/security.md); changes are lost.
            # A password for every role, on the socket and on loopback; no other address is listened to.
            local   all          all                  %1$s
            host    all          all   127.0.0.1/32   %1$s
            host    all          all   ::1/128        %1$s
            local   replication  all                  %1$s
            host    replication  all   127.0.0.1/32   %1$s
            host    replication  all   ::1/128        %1$s
            """.formatted(METHOD);

    /**
     * Creates the owner and application roles when missing and sets all three passwords (hashed here, so no
     * password crosses the connection or reaches a log). Objects the superuser made in {@code public} before
     * these roles existed pass to the owner, so the migrations can change them and grant on them.
     */
    private static final String ROLES = """
            do $$
            begin
                if not exists (select from pg_roles where rolname = '%1$s') then create role %1$s; end if;
                if not exists (select from pg_roles where rolname = '%2$s') then create role %2$s; end if;
            end $$;
            alter role %1$s login nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
            alter role %2$s login nosuperuser nocreatedb nocreaterole noreplication nobypassrls;
            -- CREATE on the database lets the owner install trusted extensions (btree_gist, V11).
            grant create on database postgres to %1$s;
            grant usage, create on schema public to %1$s;
            revoke create on schema public from public;
            do $$
            declare
                object record;
            begin
                for object in
                    select format('alter %%s %%s owner to %1$s',
                                  case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                                 when 'S' then 'sequence' else 'table' end, c.oid::regclass) as command
                    from pg_class c
                    where c.relnamespace = 'public'::regnamespace and c.relowner = '%3$s'::regrole
                      and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                      -- sequences of identity and serial columns follow their table
                      and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                                      and d.deptype in ('a', 'i', 'e'))
                    union all
                    select format('alter routine %%s owner to %1$s', p.oid::regprocedure)
                    from pg_proc p
                    where p.pronamespace = 'public'::regnamespace and p.proowner = '%3$s'::regrole
                      and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid
                                      and d.deptype = 'e')
                    union all
                    select format('alter type %%s owner to %1$s', t.oid::regtype)
                    from pg_type t
                    where t.typnamespace = 'public'::regnamespace and t.typowner = '%3$s'::regrole
                      and t.typtype in ('e', 'd', 'r')
                      and not exists (select from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid
                                      and d.deptype = 'e')
                loop
                    execute object.command;
                end loop;
            end $$;
            """.formatted(EmbeddedCredentials.OWNER, EmbeddedCredentials.APPLICATION, EmbeddedCredentials.SUPERUSER);

    private EmbeddedAccess() {
    }

    static void writeHostBasedAccess(Path dataDirectory) {
        OwnerOnlyFiles.write(dataDirectory.resolve("pg_hba.conf"), HOST_BASED_ACCESS);
    }

    /** A cluster made before passwords were required: its pg_hba.conf lets anyone on the machine in. */
    static boolean trusting(Path dataDirectory) {
        try {
            return Files.readAllLines(dataDirectory.resolve("pg_hba.conf")).stream().map(String::strip)
                    .filter(line -> !line.startsWith("#")).anyMatch(line -> line.matches(".*\\btrust\\b.*"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read pg_hba.conf in " + dataDirectory, e);
        }
    }

    static void setUpRoles(String jdbcUrl, EmbeddedCredentials credentials) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedCredentials.SUPERUSER, credentials.superuser());
                Statement statement = connection.createStatement()) {
            statement.execute(ROLES);
            PGConnection postgres = connection.unwrap(PGConnection.class);
            postgres.alterUserPassword(EmbeddedCredentials.SUPERUSER, credentials.superuser().toCharArray(), METHOD);
            postgres.alterUserPassword(EmbeddedCredentials.OWNER, credentials.owner().toCharArray(), METHOD);
            postgres.alterUserPassword(EmbeddedCredentials.APPLICATION, credentials.application().toCharArray(), METHOD);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the embedded database's roles: " + e.getMessage(), e);
        }
    }

    /** Replaces a trusting pg_hba.conf with passwords and has the running server read it again. */
    static void closeToTrust(String jdbcUrl, Path dataDirectory, EmbeddedCredentials credentials) {
        writeHostBasedAccess(dataDirectory);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, EmbeddedCredentials.SUPERUSER, credentials.superuser());
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reload the embedded database's access rules: " + e.getMessage(), e);
        }
    }
}
