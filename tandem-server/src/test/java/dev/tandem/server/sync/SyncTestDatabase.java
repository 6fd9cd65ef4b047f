package dev.tandem.server.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh, migrated database for a store test: H2 in memory, or a throw-away schema on the PostgreSQL server at
 * 127.0.0.1:5432 (database {@code test}). A PostgreSQL test fails, not skips, when the server is down.
 */
public final class SyncTestDatabase implements AutoCloseable {

    /** The databases every store test runs on. */
    public enum Kind { H2, POSTGRES }

    private final Kind kind;
    private final String schema;
    private final Jdbi jdbi;

    private SyncTestDatabase(Kind kind) {
        this.kind = kind;
        this.schema = "flow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url;
        if (kind == Kind.H2) {
            url = "jdbc:h2:mem:" + schema + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "DB_CLOSE_DELAY=-1";
        } else {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432/test is required for this test", e);
            }
            url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
        }
        Flyway.configure().dataSource(url, kind == Kind.H2 ? "sa" : "postgres", "")
                .locations("classpath:db/migration").load().migrate();
        this.jdbi = Jdbi.create(url, kind == Kind.H2 ? "sa" : "postgres", "");
    }

    /** Opens a fresh database of this kind. */
    public static SyncTestDatabase open(Kind kind) {
        return new SyncTestDatabase(kind);
    }

    /** Jdbi over the fresh database. */
    public Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        if (kind == Kind.H2) {
            jdbi.useHandle(h -> h.execute("DROP ALL OBJECTS"));
        } else {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop test schema " + schema, e);
            }
        }
    }
}
