package dev.tandem.server.auth;

import dev.tandem.server.TandemApp;
import dev.tandem.server.config.ApiClientSecret;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapClientTest {

    @Test
    void aConfiguredClientCanObtainTokensAndItsSecretCanBeRotatedByConfiguration() {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.H2);
        TandemConfig base = TandemConfig.defaults().withHttpPort(0).withDatabase(db.url(), db.user(), db.password());
        try (TandemApp app = TandemApp.builder(base.withBootstrapClient(new ApiClientSecret("ops", "first-secret"))).build()) {
            assertThat(app.services().accessTokens().issue("ops", "first-secret")).isPresent();

            ApiClients clients = app.services().apiClients();
            clients.ensure(new ApiClientSecret("ops", "second-secret"));

            assertThat(app.services().accessTokens().issue("ops", "first-secret")).isEmpty();
            assertThat(app.services().accessTokens().issue("ops", "second-secret")).isPresent();
        }
    }

    @Test
    void rotatingTheSecretRevokesTheClientsTokens() {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.H2);
        TandemConfig config = TandemConfig.defaults().withHttpPort(0).withDatabase(db.url(), db.user(), db.password())
                .withBootstrapClient(new ApiClientSecret("ops", "first-secret"));
        try (TandemApp app = TandemApp.builder(config).build()) {
            AccessTokens tokens = app.services().accessTokens();
            String token = tokens.issue("ops", "first-secret").orElseThrow().accessToken();

            app.services().apiClients().ensure(new ApiClientSecret("ops", "second-secret"));

            assertThat(tokens.check(token)).isEqualTo(TokenCheck.INVALID);
        }
    }

    @Test
    void tokensIssuedByOneNodeAreAcceptedByAnotherSharingTheDatabase() {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.POSTGRES);
        TandemConfig config = TandemConfig.defaults().withHttpPort(0).withDatabase(db.url(), db.user(), db.password())
                .withBootstrapClient(new ApiClientSecret("ops", "the-secret"));
        try (TandemApp first = TandemApp.builder(config).build(); TandemApp second = TandemApp.builder(config).build()) {
            String token = first.services().accessTokens().issue("ops", "the-secret").orElseThrow().accessToken();

            assertThat(second.services().accessTokens().check(token)).isEqualTo(TokenCheck.VALID);
        } finally {
            db.drop();
        }
    }

    @Test
    void theConfiguredLifetimeBoundsEveryToken() {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.H2);
        TandemConfig config = TandemConfig.defaults().withHttpPort(0).withDatabase(db.url(), db.user(), db.password())
                .withBootstrapClient(new ApiClientSecret("ops", "the-secret")).withAccessTokenTtlSeconds(60);
        try (TandemApp app = TandemApp.builder(config).clock(Clock.systemUTC()).build()) {
            long expiresIn = app.services().accessTokens().issue("ops", "the-secret").orElseThrow().expiresIn();

            assertThat(Duration.ofSeconds(expiresIn)).isLessThanOrEqualTo(Duration.ofSeconds(60));
        }
    }
}
