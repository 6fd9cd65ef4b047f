package dev.tandem.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import javax.sql.DataSource;

/**
 * The connection pool, schema migrations and Jdbi for one database. H2 (embedded, a file under ./data) and
 * PostgreSQL run the same migrations and DAOs.
 */
public final class Database implements AutoCloseable {

    /** The embedded default: an H2 file under ./data, speaking PostgreSQL's dialect. */
    public static final String DEFAULT_URL =
            "jdbc:h2:file:./data/tandem;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.postgres = dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        TimeMapping.install(jdbi);
    }

    /** Opens the pool and brings the schema up to date; fails (and releases the pool) if either is impossible. */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, 10);
    }

    /** As {@link #open(String, String, String)} with an explicit pool size. */
    public static Database open(String jdbcUrl, String user, String password, int maxPoolSize) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbcUrl: must start with 'jdbc:', was " + jdbcUrl);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("tandem");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            return new Database(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** Opens the embedded H2 default. */
    public static Database openDefault() {
        return open(DEFAULT_URL, "sa", "");
    }

    /** The Jdbi bound to this pool. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pooled data source. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** True on PostgreSQL, false on H2; for the few statements whose best form differs. */
    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
