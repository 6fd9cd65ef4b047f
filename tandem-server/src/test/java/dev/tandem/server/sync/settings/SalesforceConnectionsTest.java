package dev.tandem.server.sync.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.salesforce.AuthMode;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.server.sync.SyncTestDatabase;
import dev.tandem.server.sync.secrets.SecretCipher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceConnectionsTest {

    private static final SecretCipher CIPHER = new SecretCipher(new byte[32]);

    private static SalesforceConnection connection(String loginUrl, Instant at) {
        return new SalesforceConnection(loginUrl, "62.0", AuthMode.CLIENT_CREDENTIALS, "cid", null,
                new SalesforceSecrets("secret", null, null, null), at);
    }

    @Test
    void oneSharedClientUntilTheConnectionOrTheBudgetChanges() throws Exception {
        try (SyncTestDatabase db = SyncTestDatabase.open(SyncTestDatabase.Kind.H2)) {
            SalesforceConnectionStore store = new SalesforceConnectionStore(db.jdbi(), () -> CIPHER);
            SyncSettingsService settings = new SyncSettingsService(db.jdbi(), Clock.systemUTC());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            SalesforceConnections connections = new SalesforceConnections(store, settings, registry);
            assertThat(connections.client()).isEmpty();

            store.save(connection("https://one.example.com", Instant.parse("2026-11-28T10:00:00Z")));
            SalesforceClient first = connections.client().orElseThrow();
            assertThat(connections.client()).containsSame(first);
            assertThat(first.config().apiBudgetPercent()).isEqualTo(50);

            store.save(connection("https://two.example.com", Instant.parse("2026-11-28T10:05:00Z")));
            SalesforceClient second = connections.client().orElseThrow();
            assertThat(second).isNotSameAs(first);
            assertThat(second.config().loginUrl().toString()).isEqualTo("https://two.example.com");

            settings.update(new ObjectMapper().readTree("{\"apiBudgetPercent\":20}"));
            SalesforceClient third = connections.client().orElseThrow();
            assertThat(third).isNotSameAs(second);
            assertThat(third.config().apiBudgetPercent()).isEqualTo(20);
        }
    }
}
