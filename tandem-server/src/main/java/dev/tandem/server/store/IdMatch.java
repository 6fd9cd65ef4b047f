package dev.tandem.server.store;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The condition "rows of one scope (e.g. a program) whose id column is one of these ids (e.g. a batch of people)"
 * in a form both databases answer with one index lookup per id, whatever their statistics.
 *
 * <p>Left to choose, both planners may scan the scope's whole prefix of the primary key and filter the ids: H2 does
 * so for lists of a few hundred ids, and PostgreSQL without statistics (before the first ANALYZE after a bulk load,
 * or with autovacuum off) guesses that {@code scope = ?} selects 0.5 % of the rows, a choice the generic plan of a
 * prepared statement then keeps. With one large program that is a scan of all its rows per batch, so writes slowed
 * down as the program grew. Here the scope is compared as an expression ({@code scope + 0}), which no index can
 * serve, leaving the lookup of each id in the index that leads with the id column as the only cheap plan.
 * PostgreSQL gets the ids as one array ({@code = ANY(:ids)}: one statement text for every batch size); H2 keeps
 * the {@code IN} list, because it uses no index for {@code = ANY(array)}.
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
        String ids = postgres ? idColumn + " = ANY(:" + idsName + ")" : idColumn + " IN (<" + idsName + ">)";
        return ids + " AND " + scopeColumn + " + 0 = :" + scopeName;
    }

    /** Binds the ids named in {@link #condition}. */
    public <T extends SqlStatement<T>> T bind(T statement, String idsName, Collection<Long> ids) {
        return postgres ? statement.bindArray(idsName, Long.class, ids)
                : statement.bindList(idsName, List.copyOf(ids));
    }
}
