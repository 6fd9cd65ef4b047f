package dev.tandem.server.store;

import java.sql.SQLException;

/** Classifies database errors the same way on PostgreSQL and H2 (both report standard SQLSTATEs). */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DEADLOCK = "40P01";

    private SqlErrors() {
    }

    /** Whether the failure, or any cause of it, is a unique-constraint violation. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure, or any cause of it, is a deadlock the database broke by aborting this transaction. */
    public static boolean isDeadlock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && DEADLOCK.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
