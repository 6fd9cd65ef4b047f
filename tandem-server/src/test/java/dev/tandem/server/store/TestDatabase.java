package dev.tandem.server.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A migrated, isolated database for one test class: a private in-memory H2 database, or a fresh schema in the
 * PostgreSQL server at 127.0.0.1:5432 (database {@code test}), dropped on close. A PostgreSQL server that is
 * down makes the test fail, never skip.
 */
public final class TestDatabase implements AutoCloseable {

    private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String PG_USER = "postgres";
    /** V2 seeds channels 1..10; tests may add more. */
    private static final int SEEDED_CHANNELS = 10;

    private final Database database;
    private final String schema;

    private TestDatabase(Database database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    /** Opens and migrates a fresh database on the backend. */
    public static TestDatabase create(Backend backend) {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (backend == Backend.H2) {
            return new TestDatabase(Database.open("jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", 4),
                    null);
        }
        execute("CREATE SCHEMA " + name);
        return new TestDatabase(Database.open(PG_URL + "?currentSchema=" + name, PG_USER, "", 4), name);
    }

    /** The migrated database. */
    public Database database() {
        return database;
    }

    /** Empties the tables tests write and drops channels they added, keeping the seeded ones. */
    public void clear() {
        database.jdbi().useHandle(h -> {
            h.execute("DELETE FROM activities");
            h.execute("DELETE FROM memberships");
            h.execute("DELETE FROM people");
            h.execute("DELETE FROM program_costs");
            h.execute("DELETE FROM programs");
            h.execute("DELETE FROM channels WHERE id > " + SEEDED_CHANNELS);
        });
    }

    @Override
    public void close() {
        // An in-memory H2 database vanishes with the pool's last connection.
        database.close();
        if (schema != null) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
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
