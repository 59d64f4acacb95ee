package org.synovia.database;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.synovia.shared.OwnerOnlyFiles;
import org.synovia.shared.Secrets;

/**
 * The passwords of the embedded server's three roles (ADR 0048), generated at the first start and kept in
 * {@value #FILE_NAME} inside the data directory, readable by the application's user only (0600). Being in the data
 * directory, the file travels with every backup, so a restored copy opens with the passwords its roles have.
 *
 * @param superuser the bootstrap superuser {@value #SUPERUSER}: the server's own setup, backups and supervision
 * @param owner {@value #OWNER}, which owns the schema and runs the migrations
 * @param application {@value #APPLICATION}, the pool's login: data only, no DDL, append-only tables kept so
 */
record EmbeddedCredentials(String superuser, String owner, String application) {

    static final String FILE_NAME = "synovia-credentials.properties";
    static final String SUPERUSER = "postgres";
    static final String OWNER = "synovia_owner";
    static final String APPLICATION = "synovia_app";
    private static final int PASSWORD_BYTES = 24;

    EmbeddedCredentials {
        for (String password : new String[] {superuser, owner, application}) {
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("A password is missing from " + FILE_NAME);
            }
        }
    }

    static EmbeddedCredentials generate() {
        return new EmbeddedCredentials(Secrets.newToken(PASSWORD_BYTES), Secrets.newToken(PASSWORD_BYTES),
                Secrets.newToken(PASSWORD_BYTES));
    }

    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE_NAME);
    }

    static boolean existIn(Path dataDirectory) {
        return Files.isRegularFile(file(dataDirectory));
    }

    static EmbeddedCredentials readFrom(Path dataDirectory) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(OwnerOnlyFiles.readOrCreate(file(dataDirectory), () -> {
                throw new IllegalStateException("No " + FILE_NAME + " in " + dataDirectory);
            })));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EmbeddedCredentials(properties.getProperty(SUPERUSER), properties.getProperty(OWNER),
                properties.getProperty(APPLICATION));
    }

    void writeTo(Path file) {
        OwnerOnlyFiles.write(file, """
                # Passwords of the embedded PostgreSQL's roles, generated at its first start (docs/security.md).
                # Readable by the application's user only. Losing this file locks the application out of its data.
                %s=%s
                %s=%s
                %s=%s
                """.formatted(SUPERUSER, superuser, OWNER, owner, APPLICATION, application));
    }

    /** Passwords are base64url, so they need no quoting inside SQL string literals; checked anyway. */
    static String literal(String password) {
        if (!password.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalStateException("A password in " + FILE_NAME + " has characters other than base64url");
        }
        return "'" + password + "'";
    }

    @Override
    public String toString() {
        return "EmbeddedCredentials[hidden]";
    }
}
