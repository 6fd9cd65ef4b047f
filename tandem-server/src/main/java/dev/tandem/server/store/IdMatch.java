package dev.tandem.server.store;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The condition "rows of one scope (e.g. a program) whose id column is one of these ids (e.g. a batch of people)"
 * in the form each database plans well, whatever its statistics.
 *
 * <p>PostgreSQL without statistics on a table (before the first ANALYZE after a bulk load, or with autovacuum
 * off) guesses that {@code scope = ?} selects 0.5 % of the rows, so it prefers scanning the scope's whole prefix of
 * the primary key over a few hundred lookups by id; the generic plan of a prepared statement keeps that choice.
 * With one large program that is a scan of every member per batch, and writes slow down as the program grows.
 * So on PostgreSQL the ids come as one array ({@code id = ANY(:ids)}, one statement text for every batch size) and
 * the scope is compared as an expression ({@code scope + 0}), which no index can serve: the only plan left is the
 * lookup of each id in the index that leads with the id column. H2 plans its {@code IN} list as index lookups and
 * does not use an index for {@code = ANY(array)}, so it keeps the plain form.
 */
public final class IdMatch {

    private final boolean postgres;

    private IdMatch(boolean postgres) {
        this.postgres = postgres;
    }

    /** The form for the database behind {@code handle}. */
    public static IdMatch of(Handle handle) {
        try {
            return new IdMatch("PostgreSQL".equals(handle.getConnection().getMetaData().getDatabaseProductName()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the connection belongs to", e);
        }
    }

    /**
     * {@code scopeColumn = :scopeName AND idColumn IN :idsName}; the scope is bound as usual, the ids with
     * {@link #bind}. {@code idColumn} must lead an index of the table.
     */
    public String condition(String scopeColumn, String scopeName, String idColumn, String idsName) {
        return postgres
                ? idColumn + " = ANY(:" + idsName + ") AND " + scopeColumn + " + 0 = :" + scopeName
                : scopeColumn + " = :" + scopeName + " AND " + idColumn + " IN (<" + idsName + ">)";
    }

    /** Binds the ids named in {@link #condition}. */
    public <T extends SqlStatement<T>> T bind(T statement, String idsName, Collection<Long> ids) {
        return postgres ? statement.bindArray(idsName, Long.class, ids)
                : statement.bindList(idsName, List.copyOf(ids));
    }
}
