package dev.tandem.server.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Base of every test that needs a database: the whole class runs once on H2 and once on PostgreSQL, each run
 * with its own freshly migrated database, emptied before each test.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Backend.class)
public abstract class DatabaseTest {

    private static TestDatabase current;

    /** The backend of this run. */
    @Parameter
    protected Backend backend;

    @BeforeParameterizedClassInvocation
    static void openDatabase(Backend backend) {
        current = TestDatabase.create(backend);
    }

    @AfterParameterizedClassInvocation
    static void closeDatabase() {
        current.close();
        current = null;
    }

    @BeforeEach
    void emptyTables() {
        current.clear();
    }

    /** The database of this run. */
    protected Database database() {
        return current.database();
    }
}
