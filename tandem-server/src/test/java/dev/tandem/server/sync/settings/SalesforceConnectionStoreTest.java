package dev.tandem.server.sync.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.salesforce.AuthMode;
import dev.tandem.server.sync.SyncTestDatabase;
import dev.tandem.server.sync.secrets.SecretCipher;
import dev.tandem.server.sync.secrets.SecretUnreadableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesforceConnectionStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static SecretCipher cipher() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretCipher(key);
    }

    private static SalesforceConnection connection() {
        return new SalesforceConnection("https://login.example.com", "62.0", AuthMode.PASSWORD, "client-id",
                "sync@example.com", new SalesforceSecrets("client-secret-123", "password-456", null,
                "refresh-789"), NOW);
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void storedConnectionLoadsBackWithItsSecrets(SyncTestDatabase.Kind kind) {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            SecretCipher cipher = cipher();
            new SalesforceConnectionStore(db.jdbi(), () -> cipher).save(connection());

            assertThat(new SalesforceConnectionStore(db.jdbi(), () -> cipher).load()).contains(connection());
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void noColumnHoldsAPlaintextSecret(SyncTestDatabase.Kind kind) {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            new SalesforceConnectionStore(db.jdbi(), SalesforceConnectionStoreTest::cipher).save(connection());

            Map<String, Object> row = db.jdbi().withHandle(h ->
                    h.createQuery("SELECT * FROM salesforce_connection").mapToMap().one());
            assertThat(row.values()).map(String::valueOf)
                    .noneMatch(v -> v.contains("client-secret-123") || v.contains("password-456")
                            || v.contains("refresh-789"));
            assertThat(String.valueOf(row.get("password_enc"))).startsWith("v1:");
            assertThat(row.get("private_key_enc")).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void secretsStoredUnderAnotherKeyAreReportedNotGuessed(SyncTestDatabase.Kind kind) {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            SecretCipher original = cipher();
            new SalesforceConnectionStore(db.jdbi(), () -> original).save(connection());
            SecretCipher other = cipher();

            assertThatThrownBy(() -> new SalesforceConnectionStore(db.jdbi(), () -> other).load())
                    .isInstanceOf(SecretUnreadableException.class).hasMessageContaining("TANDEM_SECRET_KEY");
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void withoutAStoredConnectionNoKeyIsEverAskedFor(SyncTestDatabase.Kind kind) {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            SalesforceConnectionStore store = new SalesforceConnectionStore(db.jdbi(), () -> {
                throw new AssertionError("the key must not be needed");
            });

            assertThat(store.load()).isEmpty();
            assertThat(store.updatedAt()).isEmpty();
        }
    }
}
