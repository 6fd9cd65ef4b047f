package dev.tandem.server.sync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.sync.cycle.FlowTestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input to the sync resources gets a Marketo error naming the field; nothing runs. */
class SyncRoutesInputTest {

    private static FlowTestServer server;

    @BeforeAll
    static void start() {
        server = new FlowTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertRefused(JsonNode response, String code, String field) {
        assertThat(response.get("success").asBoolean()).as("%s", response).isFalse();
        assertThat(response.get("errors").get(0).get("code").asText()).isEqualTo(code);
        assertThat(response.get("errors").get(0).get("message").asText()).contains(field);
    }

    @Test
    void retryIdsMustBeAnArrayOfErrorIds() {
        assertRefused(server.postJson("/rest/tandem/v1/sync/errors/retry.json", "{\"ids\":\"all\"}"), "1003", "ids");
        assertRefused(server.postJson("/rest/tandem/v1/sync/errors/retry.json", "{\"ids\":[1,\"x\"]}"), "1003", "ids");
        assertRefused(server.postJson("/rest/tandem/v1/sync/errors/retry.json", "{\"ids\":[]}"), "1003", "ids");
        assertThat(server.count("SELECT COUNT(*) FROM sync_runs WHERE kind = 'retry'")).isZero();
    }

    @Test
    void pagingParametersAreChecked() {
        assertRefused(server.get("/rest/tandem/v1/sync/runs.json?batchSize=0"), "1003", "batchSize");
        assertRefused(server.get("/rest/tandem/v1/sync/errors.json?unresolvedOnly=maybe"), "1003", "unresolvedOnly");
        assertRefused(server.get("/rest/tandem/v1/sync/errors.json?nextPageToken=abc"), "1003", "nextPageToken");
    }

    @Test
    void aReconcileNeedsALinkedProgram() {
        assertRefused(server.postJson("/rest/tandem/v1/sync/reconcile.json", "{}"), "701", "programId");
        assertRefused(server.postJson("/rest/tandem/v1/sync/reconcile.json", "{\"programId\":\"one\"}"), "1003",
                "programId");
        long program = server.createWebinarProgram();
        assertRefused(server.postJson("/rest/tandem/v1/sync/reconcile.json", "{\"programId\":" + program + "}"), "709",
                "not linked");
    }

    @Test
    void aCycleWithoutConnectionIsRecordedAsSkipped() {
        JsonNode report = FlowTestServer.ok(server.postJson("/rest/tandem/v1/sync/run.json", "{}")).get(0);

        assertThat(report.get("outcome").asText()).isEqualTo("SKIPPED_DISABLED");
        assertThat(FlowTestServer.ok(server.get("/rest/tandem/v1/sync/runs.json")).get(0).get("id").asLong())
                .isEqualTo(report.get("id").asLong());
    }

    @Test
    void theSyncResourcesRequireAToken() {
        String body = server.send(HttpRequest.newBuilder(server.uri("/rest/tandem/v1/sync/run.json"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build())
                .body();

        assertThat(FlowTestServer.json(body).get("success").asBoolean()).isFalse();
        assertThat(server.count("SELECT COUNT(*) FROM sync_runs")).isLessThanOrEqualTo(1);
    }
}
