package dev.tandem.server.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TandemConfigTest {

    @Test
    void withoutEnvironmentTheDefaultsArePort8080AndAnH2FileUnderData() {
        TandemConfig config = TandemConfig.fromEnvironment(Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:./data/");
        assertThat(config.secretKey()).isEmpty();
        assertThat(config.bootstrapClient()).isEmpty();
        assertThat(config.accessTokenTtlSeconds()).isEqualTo(3600);
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    }

    @Test
    void aConfiguredDataDirectoryAlsoHoldsTheDefaultDatabase() {
        TandemConfig config = TandemConfig.fromEnvironment(Map.of("TANDEM_DATA_DIR", "/var/lib/tandem"));

        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/tandem"));
        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:/var/lib/tandem/tandem;");
    }

    @Test
    void aConfiguredDatabaseUrlWinsOverTheDataDirectory() {
        TandemConfig config = TandemConfig.fromEnvironment(Map.of("TANDEM_DATA_DIR", "/var/lib/tandem",
                "TANDEM_JDBC_URL", "jdbc:postgresql://db/tandem"));

        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/tandem"));
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db/tandem");
    }

    @Test
    void environmentVariablesOverrideTheDefaults() {
        TandemConfig config = TandemConfig.fromEnvironment(Map.of(
                "TANDEM_HTTP_PORT", "9090",
                "TANDEM_JDBC_URL", "jdbc:postgresql://db/tandem",
                "TANDEM_DB_USER", "tandem",
                "TANDEM_DB_PASSWORD", "pw",
                "TANDEM_SECRET_KEY", "k",
                "TANDEM_API_CLIENT_ID", "ops",
                "TANDEM_API_CLIENT_SECRET", "s"));

        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db/tandem");
        assertThat(config.dbUser()).isEqualTo("tandem");
        assertThat(config.dbPassword()).isEqualTo("pw");
        assertThat(config.secretKey()).contains("k");
        assertThat(config.bootstrapClient()).contains(new ApiClientSecret("ops", "s"));
    }

    @Test
    void aClientIdWithoutASecretIsRefusedNamingBothVariables() {
        assertThatThrownBy(() -> TandemConfig.fromEnvironment(Map.of("TANDEM_API_CLIENT_ID", "ops")))
                .hasMessageContaining("TANDEM_API_CLIENT_ID").hasMessageContaining("TANDEM_API_CLIENT_SECRET");
    }

    @Test
    void aPortThatIsNotANumberIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> TandemConfig.fromEnvironment(Map.of("TANDEM_HTTP_PORT", "eighty")))
                .hasMessageContaining("TANDEM_HTTP_PORT");
    }

    @Test
    void theSubscriptionTimeZoneIsUtcUnlessTheEnvironmentNamesOne() {
        assertThat(TandemConfig.defaults().timeZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(TandemConfig.fromEnvironment(Map.of("TANDEM_TIME_ZONE", "Europe/Paris")).timeZone())
                .isEqualTo(java.time.ZoneId.of("Europe/Paris"));
    }

    @Test
    void aTimeZoneThatDoesNotExistIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> TandemConfig.fromEnvironment(Map.of("TANDEM_TIME_ZONE", "Mars/Olympus")))
                .hasMessage("TANDEM_TIME_ZONE must be a time zone such as Europe/Paris or UTC, got 'Mars/Olympus'");
    }

    @Test
    void aUrlThatIsNotJdbcIsRefused() {
        assertThatThrownBy(() -> TandemConfig.defaults().withDatabase("postgres://x", "u", "p"))
                .hasMessageContaining("JDBC URL");
    }

    @Test
    void printingTheConfigurationMasksEverySecret() {
        TandemConfig config = TandemConfig.fromEnvironment(Map.of("TANDEM_DB_PASSWORD", "db-pass-123",
                "TANDEM_SECRET_KEY", "key-456", "TANDEM_API_CLIENT_ID", "ops", "TANDEM_API_CLIENT_SECRET", "client-789"));

        assertThat(config.toString()).doesNotContain("db-pass-123", "key-456", "client-789").contains("ops");
        assertThat(config.bootstrapClient().orElseThrow().toString()).doesNotContain("client-789");
    }
}
