package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Concurrent long-running requests beyond the org's limit are refused with REQUEST_LIMIT_EXCEEDED. */
class ConcurrencyLimitTest {

    @Test
    void requestBeyondTheConcurrentLongRunningLimitIsRejected() throws Exception {
        EmulatorConfig config = EmulatorConfig.defaults().withConcurrentRequestLimit(2, Duration.ZERO);
        try (SalesforceEmulator emulator = SalesforceEmulator.start(config)) {
            Api api = Api.loggedIn(emulator);
            emulator.control().addFault(new FaultRule(null, 0, "GET", "/limits$", 0, 2, 6_000, null));
            HttpClient client = HttpClient.newHttpClient();
            List<CompletableFuture<?>> slow = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                slow.add(client.sendAsync(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + Api.V + "/limits"))
                        .header("Authorization", "Bearer " + api.token()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> inFlight(emulator) == 2);
            Api.Response r = api.query("SELECT Id FROM Campaign");
            JsonNode e = EmulatorTestBase.assertError(r, 403, "REQUEST_LIMIT_EXCEEDED");
            assertThat(e.path("message").asText()).isEqualTo("ConcurrentPerOrgLongTxn Limit exceeded.");
            CompletableFuture.allOf(slow.toArray(new CompletableFuture<?>[0])).get();
            assertThat(api.query("SELECT Id FROM Campaign").status()).isEqualTo(200);
        }
    }

    /** Requests the emulator is serving right now, from the control plane. */
    static int inFlight(SalesforceEmulator emulator) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String body = client.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/__emulator__/limits"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return Api.JSON.readTree(body).path("ConcurrentRequests").path("InFlight").asInt();
    }
}
