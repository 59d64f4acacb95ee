package org.synovia.outcomes.synthetic;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.springframework.dao.DataIntegrityViolationException;

/** PostgreSQL's COPY FROM STDIN on a given connection, for bulk writes of tab-separated text. */
public final class PostgresCopy {

    private PostgresCopy() {
    }

    /** Copies {@code rows} (text format: tab-separated, {@code \N} for null, one row per line); returns the count. */
    public static long copy(Connection connection, String copySql, CharSequence rows) {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(rows.toString()));
        }
        catch (SQLException e) {
            throw new DataIntegrityViolationException("bulk copy refused: " + e.getMessage(), e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
