package dev.tandem.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.NewApiClient;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ServedModulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aServedTandemAnswersTheSmartCampaignApi() throws Exception {
        // given a server built the way 'tandem serve' builds it
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.H2);
        TandemConfig config = TandemConfig.defaults().withHttpPort(0).withDatabase(db.url(), db.user(), db.password());
        try (TandemApp app = ServedModules.addTo(TandemApp.builder(config)).build().start()) {
            NewApiClient client = app.services().apiClients().create("served-modules-test");
            String token = get(app, "/identity/oauth/token?grant_type=client_credentials&client_id="
                    + encode(client.clientId()) + "&client_secret=" + encode(client.clientSecret()), null)
                    .get("access_token").asText();

            // when the smart campaigns are browsed
            JsonNode response = get(app, "/rest/asset/v1/smartCampaigns.json", token);

            // then the automation module answers
            assertThat(response.get("success").asBoolean()).as("response %s", response).isTrue();
        } finally {
            db.drop();
        }
    }

    private JsonNode get(TandemApp app, String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUri() + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
