package dev.tandem.server.sync.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.salesforce.AuthMode;
import dev.tandem.server.sync.SyncTestDatabase;
import dev.tandem.server.sync.secrets.SecretCipher;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesforceConnectionServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SecretCipher cipher(int seed) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        return new SecretCipher(key);
    }

    @Test
    void afterALostKeyOnlyACompleteConnectionIsAcceptedAndItReplacesTheOldOne() throws Exception {
        try (SyncTestDatabase db = SyncTestDatabase.open(SyncTestDatabase.Kind.H2)) {
            new SalesforceConnectionStore(db.jdbi(), () -> cipher(1)).save(new SalesforceConnection(
                    "https://old.example.com", "62.0", AuthMode.CLIENT_CREDENTIALS, "cid", null,
                    new SalesforceSecrets("old-secret", null, null, null), Instant.now()));
            SalesforceConnectionStore newKey = new SalesforceConnectionStore(db.jdbi(), () -> cipher(2));
            SalesforceConnectionService service = new SalesforceConnectionService(newKey, Clock.systemUTC());
            AtomicInteger changes = new AtomicInteger();
            service.onChange(changes::incrementAndGet);

            assertThatThrownBy(() -> service.update(JSON.readTree("{\"loginUrl\":\"https://new.example.com\"}")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("authMode");
            assertThat(changes).hasValue(0);

            SalesforceConnection.ConnectionView view = service.update(JSON.readTree("{\"loginUrl\":"
                    + "\"https://new.example.com\",\"authMode\":\"CLIENT_CREDENTIALS\",\"clientId\":\"cid\","
                    + "\"clientSecret\":\"new-secret\"}"));

            assertThat(view.loginUrl()).isEqualTo("https://new.example.com");
            assertThat(newKey.load().orElseThrow().secrets().clientSecret()).isEqualTo("new-secret");
            assertThat(changes).hasValue(1);
        }
    }
}
