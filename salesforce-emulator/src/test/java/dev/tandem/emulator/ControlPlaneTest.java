package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The /__emulator__ control plane as the EmulatorControl client drives it. */
class ControlPlaneTest extends EmulatorTestBase {

    @Test
    void faultFiresAfterNMatchesForTheGivenNumberOfTimes() {
        emulator.control().addFault(new FaultRule("UNABLE_TO_LOCK_ROW", 400, "GET", "/limits$", 1, 2, 0, null));
        assertThat(api.get(Api.V + "/limits").status()).isEqualTo(200);
        JsonNode e = assertError(api.get(Api.V + "/limits"), 400, "UNABLE_TO_LOCK_ROW");
        assertThat(e.path("message").asText()).startsWith("unable to obtain exclusive access to this record");
        assertError(api.get(Api.V + "/limits"), 400, "UNABLE_TO_LOCK_ROW");
        assertThat(api.get(Api.V + "/limits").status()).isEqualTo(200);
        assertThat(api.query("SELECT Id FROM Campaign").status()).as("other paths are untouched").isEqualTo(200);
    }

    @Test
    void foreverFaultUsesTheGivenStatusAndMessageUntilCleared() {
        emulator.control().addFault(new FaultRule("SERVER_UNAVAILABLE", 503, null, null, 0, -1, 0, "maintenance"));
        for (int i = 0; i < 3; i++) {
            assertThat(assertError(api.get(Api.V + "/limits"), 503, "SERVER_UNAVAILABLE").path("message").asText())
                    .isEqualTo("maintenance");
        }
        emulator.control().reset();
        assertThat(api.get(Api.V + "/limits").status()).isEqualTo(200);
    }

    @Test
    void faultsNeverTouchTheControlPlane() {
        emulator.control().addFault(new FaultRule("SERVER_UNAVAILABLE", 503, null, null, 0, -1, 0, null));
        assertThat(emulator.control().apiCallsUsed()).isZero();
        emulator.control().clearFaults();
        assertThat(api.get(Api.V + "/limits").status()).isEqualTo(200);
    }

    @Test
    void statusZeroDropsTheConnection() {
        // For ever: java.net.http retries an idempotent GET once on a dropped connection.
        emulator.control().addFault(new FaultRule("NETWORK", 0, "GET", "/limits", 0, -1, 0, null));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + Api.V + "/limits"))
                .header("Authorization", "Bearer " + api.token()).GET().build();
        assertThatThrownBy(() -> client.send(req, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        emulator.control().clearFaults();
        assertThat(api.get(Api.V + "/limits").status()).isEqualTo(200);
    }

    @Test
    void latencyOnlyFaultHoldsTheRequestThenAnswersNormally() throws Exception {
        emulator.control().addFault(new FaultRule(null, 0, "GET", "/limits", 0, 1, 5_000, null));
        HttpRequest req = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + Api.V + "/limits"))
                .header("Authorization", "Bearer " + api.token()).GET().build();
        var pending = HttpClient.newHttpClient().sendAsync(req, HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(4)).until(() -> ConcurrencyLimitTest.inFlight(emulator) == 1);
        assertThat(pending).isNotDone();
        assertThat(pending.get().statusCode()).isEqualTo(200);
    }

    @Test
    void invalidFaultRulesAreRefused() {
        assertThatThrownBy(() -> emulator.control().addFault(new FaultRule("X", 400, null, "([", 0, 1, 0, null)))
                .isInstanceOf(EmulatorControl.ControlException.class).hasMessageContaining("pathRegex");
        assertThatThrownBy(() -> emulator.control().addFault(new FaultRule(null, 400, null, null, 0, 1, 0, null)))
                .isInstanceOf(EmulatorControl.ControlException.class);
    }

    @Test
    void requestLogRecordsWhatWasCountedAsAnApiCall() {
        emulator.control().clearRequests();
        api.query("SELECT Id FROM Campaign");
        new Api(emulator.baseUrl()).get("/services/data");
        List<RecordedRequest> log = emulator.control().requests();
        assertThat(log).hasSize(2);
        assertThat(log.get(0).method()).isEqualTo("GET");
        assertThat(log.get(0).path()).isEqualTo(Api.V + "/query");
        assertThat(log.get(0).query()).startsWith("q=");
        assertThat(log.get(0).status()).isEqualTo(200);
        assertThat(log.get(0).countedAsApiCall()).isTrue();
        assertThat(log.get(1).countedAsApiCall()).as("the versions list is free").isFalse();
    }

    @Test
    void countersGroupCallsByEndpointFamily() {
        api.query("SELECT Id FROM Campaign");
        api.post(Api.V + "/composite/sobjects", "{\"records\":[]}");
        api.get(Api.V + "/sobjects/Campaign/describe");
        assertThat(emulator.control().callCounters()).containsEntry("query", 1L)
                .containsEntry("composite/sobjects", 1L).containsEntry("describe", 1L);
    }

    @Test
    void frozenClockStampsWritesAndOnlyMovesWhenAdvanced() {
        Instant at = Instant.parse("2026-03-02T08:00:03.789Z");
        emulator.control().setClock(at);
        assertThat(emulator.control().now()).isEqualTo(at);
        String id = campaign("Clocked");
        emulator.control().advanceClock(Duration.ofSeconds(61));
        assertThat(emulator.control().now()).isEqualTo(at.plusSeconds(61));
        JsonNode row = api.get(Api.V + "/sobjects/Campaign/" + id).json();
        assertThat(row.path("CreatedDate").asText()).isEqualTo("2026-03-02T08:00:03.000+0000");
    }

    @Test
    void seedLoadsRecordsWithReferencesAndReturnsTheirIds() throws IOException {
        String ids = emulator.control().seed("{\"Campaign\":[{\"attributes\":{\"referenceId\":\"c\"},\"Name\":\"Seeded\"}],"
                + "\"Lead\":[{\"attributes\":{\"referenceId\":\"l\"},\"LastName\":\"S\",\"Company\":\"C\"}],"
                + "\"CampaignMember\":[{\"CampaignId\":\"@{c}\",\"LeadId\":\"@{l}\",\"Status\":\"Responded\"}]}");
        JsonNode tree = Api.JSON.readTree(ids);
        assertThat(tree.path("Campaign").get(0).asText()).startsWith("701");
        assertThat(tree.path("CampaignMember").get(0).asText()).startsWith("00v");
        assertThat(api.query("SELECT HasResponded FROM CampaignMember").json().path("records").get(0)
                .path("HasResponded").asBoolean()).isTrue();
    }

    @Test
    void invalidSeedIsRefusedWithoutWritingAnything() {
        assertThatThrownBy(() -> emulator.control().seed("{\"Lead\":[{\"LastName\":\"Ok\",\"Company\":\"C\"},"
                + "{\"LastName\":\"Missing company\"}]}"))
                .isInstanceOf(EmulatorControl.ControlException.class)
                .hasMessageContaining("REQUIRED_FIELD_MISSING").hasMessageContaining("Lead[1]");
        assertThat(api.query("SELECT COUNT() FROM Lead").json().path("totalSize").asInt()).isZero();
    }

    @Test
    void resetRestoresTheBaselineOrg() {
        campaign("Before reset");
        emulator.control().setApiUsage(100, 200);
        emulator.control().reset();
        assertThat(api.query("SELECT COUNT() FROM Campaign").json().path("totalSize").asInt()).isZero();
        assertThat(api.get(Api.V + "/limits").json().path("DailyApiRequests").path("Max").asLong()).isEqualTo(15_000);
        assertThat(api.query("SELECT Username, UserPermissionsMarketingUser FROM User ORDER BY Username").json()
                .path("records").get(1).path("UserPermissionsMarketingUser").asBoolean()).isTrue();
    }

    @Test
    void mintedTokensWorkWithoutAnOAuthFlow() throws IOException {
        String token = Api.JSON.readTree(emulator.control().mintToken("analyst@tandem.dev")).path("access_token")
                .asText();
        assertThat(api.withToken(token).get("/services/oauth2/userinfo").json().path("username").asText())
                .isEqualTo("analyst@tandem.dev");
    }

    @Test
    void unknownUsersAndLeadsAreReported() {
        assertThatThrownBy(() -> emulator.control().setMarketingUser("nobody@tandem.dev", true))
                .isInstanceOf(EmulatorControl.ControlException.class).hasMessageContaining("404");
        assertThatThrownBy(() -> emulator.control().convertLead("00Q5g0000000001"))
                .isInstanceOf(EmulatorControl.ControlException.class);
    }
}
