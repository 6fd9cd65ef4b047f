package dev.tandem.server.cli;

import dev.tandem.server.config.TandemConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Options shared by every command that needs a configuration. Precedence: these options, then the environment
 * ({@code TANDEM_*}), then the defaults of {@link TandemConfig}. Mix it into a command with {@code @Mixin}.
 */
public final class ConfigOptions {

    @Option(names = "--port", description = "HTTP port (env TANDEM_HTTP_PORT, default 8080; 0 = any free port)")
    Integer port;

    @Option(names = "--jdbc-url", description = "Database URL (env TANDEM_JDBC_URL, default an H2 file under ./data)")
    String jdbcUrl;

    @Option(names = "--db-user", description = "Database user (env TANDEM_DB_USER)")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (env TANDEM_DB_PASSWORD; prefer the variable, "
            + "command lines are visible to other users)", arity = "0..1", interactive = true)
    String dbPassword;

    @Option(names = "--time-zone", description = "Subscription time zone for wait times, date tokens and recurrences "
            + "(env TANDEM_TIME_ZONE, default UTC), e.g. Europe/Paris")
    String timeZone;

    @Option(names = "--data-dir", description = "Directory for local files: the generated credentials key and the "
            + "default H2 database (env TANDEM_DATA_DIR, default ./data)")
    Path dataDir;

    /** The configuration these options describe on top of {@code env}. */
    public TandemConfig resolve(Map<String, String> env) {
        Map<String, String> effective = new HashMap<>(env);
        if (dataDir != null) {
            // Through the environment, so that the default database follows the directory as it does for the variable.
            effective.put(TandemConfig.ENV_DATA_DIR, dataDir.toString());
        }
        TandemConfig config = TandemConfig.fromEnvironment(effective);
        if (port != null) {
            config = config.withHttpPort(port);
        }
        if (jdbcUrl != null || dbUser != null || dbPassword != null) {
            config = config.withDatabase(
                    jdbcUrl != null ? jdbcUrl : config.jdbcUrl(),
                    dbUser != null ? dbUser : config.dbUser(),
                    dbPassword != null ? dbPassword : config.dbPassword());
        }
        if (timeZone != null) {
            config = config.withTimeZone(TandemConfig.parseZone("--time-zone", timeZone));
        }
        return config;
    }
}
