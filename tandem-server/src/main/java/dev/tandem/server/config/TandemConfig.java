package dev.tandem.server.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a Tandem node needs to start. Values come from CLI options, then environment variables, then defaults
 * (see {@link #fromEnvironment(Map)} and {@code dev.tandem.server.cli.ConfigOptions}).
 *
 * @param httpPort          port to listen on; 0 picks a free one (tests)
 * @param jdbcUrl           database URL; H2 file under ./data by default, PostgreSQL in production
 * @param dbUser            database user
 * @param dbPassword        database password, never logged
 * @param secretKey         key for stored credentials and for re-issuing live access tokens; empty when not configured
 * @param bootstrapClient   API client created (or re-keyed) at start-up, if configured
 * @param accessTokenTtlSeconds lifetime of OAuth access tokens (Marketo: 3600)
 * @param timeZone          the subscription time zone: Wait step "end on" times, date tokens and batch campaign
 *                          recurrences are read in it (Marketo's subscription time zone); UTC by default. Every node
 *                          sharing a database must use the same zone.
 * @param dataDir           where a node keeps local files: the generated credentials key when {@code secretKey} is
 *                          empty, and the default H2 database
 * @param nodeId            this node's name in cluster leases; a node restarted under the same name takes its
 *                          unfinished work back at once instead of waiting for its old leases to expire. Empty: a
 *                          random name per start. Two running nodes must never share a name.
 */
public record TandemConfig(
        int httpPort,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        Optional<String> secretKey,
        Optional<ApiClientSecret> bootstrapClient,
        long accessTokenTtlSeconds,
        ZoneId timeZone,
        Path dataDir,
        Optional<String> nodeId) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_JDBC_URL =
            "jdbc:h2:file:./data/tandem;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    public static final String DEFAULT_DB_USER = "sa";
    public static final long DEFAULT_TOKEN_TTL_SECONDS = 3600;
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    public static final String ENV_PORT = "TANDEM_HTTP_PORT";
    public static final String ENV_JDBC_URL = "TANDEM_JDBC_URL";
    public static final String ENV_DB_USER = "TANDEM_DB_USER";
    public static final String ENV_DB_PASSWORD = "TANDEM_DB_PASSWORD";
    public static final String ENV_SECRET_KEY = "TANDEM_SECRET_KEY";
    public static final String ENV_CLIENT_ID = "TANDEM_API_CLIENT_ID";
    public static final String ENV_CLIENT_SECRET = "TANDEM_API_CLIENT_SECRET";
    public static final String ENV_TIME_ZONE = "TANDEM_TIME_ZONE";
    public static final String ENV_DATA_DIR = "TANDEM_DATA_DIR";
    public static final String ENV_NODE_ID = "TANDEM_NODE_ID";
    /** Longest node name (it is stored in lease columns). */
    public static final int MAX_NODE_ID = 90;

    public TandemConfig {
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("HTTP port must be within 0..65535, got " + httpPort);
        }
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("JDBC URL must start with 'jdbc:', got " + jdbcUrl);
        }
        if (accessTokenTtlSeconds <= 0) {
            throw new IllegalArgumentException("access token lifetime must be positive, got " + accessTokenTtlSeconds);
        }
        dbUser = dbUser == null ? "" : dbUser;
        dbPassword = dbPassword == null ? "" : dbPassword;
        secretKey = secretKey.filter(key -> !key.isBlank());
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        dataDir = dataDir == null ? DEFAULT_DATA_DIR : dataDir;
        nodeId = nodeId == null ? Optional.empty() : nodeId.map(String::trim).filter(id -> !id.isEmpty());
        nodeId.ifPresent(TandemConfig::checkNodeId);
    }

    /** A configuration without a fixed node name (a random one per start). */
    public TandemConfig(int httpPort, String jdbcUrl, String dbUser, String dbPassword, Optional<String> secretKey,
                        Optional<ApiClientSecret> bootstrapClient, long accessTokenTtlSeconds, ZoneId timeZone,
                        Path dataDir) {
        this(httpPort, jdbcUrl, dbUser, dbPassword, secretKey, bootstrapClient, accessTokenTtlSeconds, timeZone,
                dataDir, Optional.empty());
    }

    /** A configuration in the default (UTC) subscription time zone, keeping its local files in {@code ./data}. */
    public TandemConfig(int httpPort, String jdbcUrl, String dbUser, String dbPassword, Optional<String> secretKey,
                        Optional<ApiClientSecret> bootstrapClient, long accessTokenTtlSeconds) {
        this(httpPort, jdbcUrl, dbUser, dbPassword, secretKey, bootstrapClient, accessTokenTtlSeconds, ZoneOffset.UTC,
                DEFAULT_DATA_DIR);
    }

    /** Defaults overridden by whatever the environment sets. */
    public static TandemConfig fromEnvironment(Map<String, String> env) {
        Optional<String> clientId = nonBlank(env.get(ENV_CLIENT_ID));
        Optional<String> clientSecret = nonBlank(env.get(ENV_CLIENT_SECRET));
        if (clientId.isPresent() != clientSecret.isPresent()) {
            throw new IllegalArgumentException(ENV_CLIENT_ID + " and " + ENV_CLIENT_SECRET + " must be set together");
        }
        Optional<Path> dataDir = nonBlank(env.get(ENV_DATA_DIR)).map(dir -> Path.of(dir.trim()));
        return new TandemConfig(
                nonBlank(env.get(ENV_PORT)).map(value -> parsePort(ENV_PORT, value)).orElse(DEFAULT_PORT),
                // The default database follows a configured data directory, so one setting moves all local files.
                nonBlank(env.get(ENV_JDBC_URL)).orElse(dataDir.map(TandemConfig::h2Url).orElse(DEFAULT_JDBC_URL)),
                nonBlank(env.get(ENV_DB_USER)).orElse(DEFAULT_DB_USER),
                env.getOrDefault(ENV_DB_PASSWORD, ""),
                nonBlank(env.get(ENV_SECRET_KEY)),
                clientId.map(id -> new ApiClientSecret(id, clientSecret.orElseThrow())),
                DEFAULT_TOKEN_TTL_SECONDS,
                nonBlank(env.get(ENV_TIME_ZONE)).map(value -> parseZone(ENV_TIME_ZONE, value)).orElse(ZoneOffset.UTC),
                dataDir.orElse(DEFAULT_DATA_DIR),
                nonBlank(env.get(ENV_NODE_ID)));
    }

    /** The embedded H2 database file under {@code dataDir}, in the modes Tandem's SQL expects. */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("tandem")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /** Defaults only: an H2 file under ./data on port 8080. */
    public static TandemConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /** This configuration on another port. */
    public TandemConfig withHttpPort(int port) {
        return new TandemConfig(port, jdbcUrl, dbUser, dbPassword, secretKey, bootstrapClient, accessTokenTtlSeconds,
                timeZone, dataDir, nodeId);
    }

    /** This configuration on another database. */
    public TandemConfig withDatabase(String url, String user, String password) {
        return new TandemConfig(httpPort, url, user, password, secretKey, bootstrapClient, accessTokenTtlSeconds,
                timeZone, dataDir, nodeId);
    }

    /** This configuration with a bootstrap API client. */
    public TandemConfig withBootstrapClient(ApiClientSecret client) {
        return new TandemConfig(httpPort, jdbcUrl, dbUser, dbPassword, secretKey, Optional.of(client), accessTokenTtlSeconds,
                timeZone, dataDir, nodeId);
    }

    /** This configuration with another access-token lifetime. */
    public TandemConfig withAccessTokenTtlSeconds(long seconds) {
        return new TandemConfig(httpPort, jdbcUrl, dbUser, dbPassword, secretKey, bootstrapClient, seconds, timeZone,
                dataDir, nodeId);
    }

    /** This configuration in another subscription time zone. */
    public TandemConfig withTimeZone(ZoneId zone) {
        return new TandemConfig(httpPort, jdbcUrl, dbUser, dbPassword, secretKey, bootstrapClient, accessTokenTtlSeconds,
                zone, dataDir, nodeId);
    }

    /** This configuration keeping its local files (the generated credentials key) in {@code dir}. */
    public TandemConfig withDataDir(Path dir) {
        return new TandemConfig(httpPort, jdbcUrl, dbUser, dbPassword, secretKey, bootstrapClient,
                accessTokenTtlSeconds, timeZone, dir, nodeId);
    }

    /** This configuration under a fixed node name (checked like {@value #ENV_NODE_ID}). */
    public TandemConfig withNodeId(String id) {
        return new TandemConfig(httpPort, jdbcUrl, dbUser, dbPassword, secretKey, bootstrapClient,
                accessTokenTtlSeconds, timeZone, dataDir, Optional.of(id));
    }

    /** Secrets are masked so that a logged configuration leaks nothing. */
    @Override
    public String toString() {
        return "TandemConfig[httpPort=" + httpPort + ", jdbcUrl=" + jdbcUrl + ", dbUser=" + dbUser
                + ", dbPassword=" + (dbPassword.isEmpty() ? "" : "****")
                + ", secretKey=" + secretKey.map(key -> "****").orElse("none")
                + ", bootstrapClient=" + bootstrapClient.map(ApiClientSecret::clientId).orElse("none")
                + ", accessTokenTtlSeconds=" + accessTokenTtlSeconds + ", timeZone=" + timeZone + ", dataDir=" + dataDir
                + ", nodeId=" + nodeId.orElse("random") + "]";
    }

    private static void checkNodeId(String id) {
        if (id.length() > MAX_NODE_ID || !id.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException(ENV_NODE_ID + " must be 1.." + MAX_NODE_ID
                    + " letters, digits or . _ : - characters, got '" + id + "'");
        }
    }

    static int parsePort(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'");
        }
    }

    /** Parses a time zone id, naming the option or variable {@code name} when it is not one. */
    public static ZoneId parseZone(String name, String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(name + " must be a time zone such as Europe/Paris or UTC, got '"
                    + value + "'");
        }
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
