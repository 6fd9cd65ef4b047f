package dev.tandem.server.http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Fresh, isolated databases for server tests: a private H2 in memory, or a new schema on the local PostgreSQL. */
public final class TestDatabases {
    public static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String PG_USER = "postgres";

    private TestDatabases() {
    }

    /** Which database a test runs on. */
    public enum Kind { H2, POSTGRES }

    /** A database a test owns; {@link #drop()} removes it. */
    public record TestDatabase(Kind kind, String url, String user, String password, String schema) {
        /** Removes the PostgreSQL schema (H2 in-memory databases vanish with their last connection). */
        public void drop() {
            if (kind == Kind.POSTGRES) {
                execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** A new empty database of the given kind; PostgreSQL must be up (a test fails rather than skips). */
    public static TestDatabase create(Kind kind) {
        String name = "api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == Kind.H2) {
            return new TestDatabase(kind,
                    "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "sa", "", null);
        }
        execute("CREATE SCHEMA " + name);
        return new TestDatabase(kind, PG_URL + "?currentSchema=" + name, PG_USER, "", name);
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " is required for this test: " + e.getMessage(), e);
        }
    }
}
