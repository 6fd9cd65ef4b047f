package dev.tandem.server.sync;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import dev.tandem.server.store.Database;
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
    private final Database database;

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
        this.database = Database.open(url, kind == Kind.H2 ? "sa" : "postgres", "", 4);
    }

    /** Opens a fresh database of this kind. */
    public static SyncTestDatabase open(Kind kind) {
        return new SyncTestDatabase(kind);
    }

    /** Jdbi over the fresh database. */
    public Jdbi jdbi() {
        return database.jdbi();
    }

    /** Reads through a handle (typed, so assertions on the result need no casts). */
    public <R> R read(Function<Handle, R> query) {
        return database.jdbi().withHandle(query::apply);
    }

    /** The database itself (pool, Jdbi, dialect). */
    public Database database() {
        return database;
    }

    @Override
    public void close() {
        if (kind == Kind.H2) {
            database.jdbi().useHandle(h -> h.execute("DROP ALL OBJECTS"));
            database.close();
        } else {
            database.close();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop test schema " + schema, e);
            }
        }
    }
}
