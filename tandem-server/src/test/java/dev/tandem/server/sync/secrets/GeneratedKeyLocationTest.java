package dev.tandem.server.sync.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.TandemApp;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.http.ApiCaller;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedKeyLocationTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutAConfiguredKeyTheGeneratedKeyIsWrittenToTheConfiguredDataDirectory() {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.H2);
        TandemConfig config = TandemConfig.defaults().withHttpPort(0).withDatabase(db.url(), db.user(), db.password())
                .withDataDir(dataDir);
        try (TandemApp app = TandemApp.builder(config).build().start()) {
            ApiCaller caller = new ApiCaller(app::baseUri, app.services().apiClients().create("key-location"));

            JsonNode saved = caller.postJson("/rest/tandem/v1/settings/salesforce.json",
                    "{\"loginUrl\":\"https://login.salesforce.com\",\"authMode\":\"PASSWORD\",\"clientId\":\"cid\","
                            + "\"clientSecret\":\"cs\",\"username\":\"u@example.com\",\"password\":\"pw\"}");

            assertThat(saved.get("success").asBoolean()).as(saved.toString()).isTrue();
            assertThat(dataDir.resolve(SecretKeySource.KEY_FILE)).isRegularFile();
        } finally {
            db.drop();
        }
    }
}
