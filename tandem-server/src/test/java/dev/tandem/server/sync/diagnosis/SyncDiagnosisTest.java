package dev.tandem.server.sync.diagnosis;

import dev.tandem.salesforce.AuthMode;
import dev.tandem.salesforce.preflight.Diagnosis;
import dev.tandem.server.sync.SyncTestDatabase;
import dev.tandem.server.sync.secrets.SecretCipher;
import dev.tandem.server.sync.settings.SalesforceConnection;
import dev.tandem.server.sync.settings.SalesforceConnectionStore;
import dev.tandem.server.sync.settings.SalesforceConnections;
import dev.tandem.server.sync.settings.SalesforceSecrets;
import dev.tandem.server.sync.settings.SyncSettingsService;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyncDiagnosisTest {

    private static SecretCipher cipher(int seed) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        return new SecretCipher(key);
    }

    @Test
    void credentialsStoredUnderAnotherKeyAreAFailedCheckNotACrash() {
        try (SyncTestDatabase db = SyncTestDatabase.open(SyncTestDatabase.Kind.H2)) {
            new SalesforceConnectionStore(db.jdbi(), () -> cipher(1)).save(new SalesforceConnection(
                    "https://login.example.com", "62.0", AuthMode.CLIENT_CREDENTIALS, "cid", null,
                    new SalesforceSecrets("secret", null, null, null), Instant.now()));
            SyncSettingsService settings = new SyncSettingsService(db.jdbi(), Clock.systemUTC());
            SyncDiagnosis diagnosis = new SyncDiagnosis(settings, new SalesforceConnections(
                    new SalesforceConnectionStore(db.jdbi(), () -> cipher(2)), settings, null));

            List<Diagnosis> checks = diagnosis.run();
            Prerequisites prerequisites = diagnosis.prerequisites();

            Diagnosis connection = checks.stream().filter(c -> c.check().equals(SyncDiagnosis.CONNECTION))
                    .findFirst().orElseThrow();
            assertThat(connection.ok()).isFalse();
            assertThat(connection.message()).contains("TANDEM_SECRET_KEY");
            assertThat(checks).extracting(Diagnosis::check).containsAll(SyncDiagnosis.SALESFORCE_CHECKS);
            assertThat(prerequisites.ok()).isFalse();
            assertThat(prerequisites.failed()).extracting(Diagnosis::check)
                    .containsExactly(SyncDiagnosis.SYNC_ENABLED, SyncDiagnosis.CONNECTION);
        }
    }
}
