package dev.tandem.salesforce.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tandem.salesforce.auth.Session;
import dev.tandem.salesforce.auth.SessionManager;
import dev.tandem.salesforce.http.ClientMetrics;
import dev.tandem.salesforce.http.Json;
import dev.tandem.salesforce.http.RetryPolicy;
import dev.tandem.salesforce.http.Transport;
import dev.tandem.salesforce.limits.ApiBudget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-record row locks come back inside a 200 response, which the emulator's request-level faults cannot
 * produce, so a loopback stub answers here.
 */
class CollectionsWriterTest {
    private static final String OK = "{\"id\":\"00Q000000000001AAA\",\"success\":true,\"errors\":[]}";
    private static final String LOCKED = "{\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\","
            + "\"message\":\"unable to obtain exclusive access to this record\",\"fields\":[]}]}";
    private static final String MISSING = "{\"success\":false,\"errors\":[{\"statusCode\":\"REQUIRED_FIELD_MISSING\","
            + "\"message\":\"Required fields are missing: [Company]\",\"fields\":[\"Company\"]}]}";
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<JsonNode> sent = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private HttpServer server;
    private CollectionsWriter writer;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            sent.add(Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
            byte[] body = answers.poll().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0);
        Transport transport = new Transport(HttpClient.newHttpClient(),
                new SessionManager(() -> new Session("t", base, null, "00D", "005")),
                new ApiBudget(50, 80, Duration.ZERO, Duration.ofMinutes(5), Clock.systemUTC()), retry, waits::add,
                new Random(1), new ClientMetrics(null), Duration.ofSeconds(5));
        writer = new CollectionsWriter(transport, "/services/data/v62.0", retry, waits::add, new Random(1));
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    private static List<Map<String, Object>> leads(int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Map.of("LastName", "L" + i, "Company", "Acme"));
        }
        return out;
    }

    @Test
    void onlyTheRecordsThatHitARowLockAreSentAgain() {
        answers.add("[" + OK + "," + LOCKED + "," + MISSING + "]");
        answers.add("[" + OK + "]");

        List<SaveResult> results = writer.create("Lead", leads(3));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).path("records")).hasSize(1);
        assertThat(sent.get(1).path("records").get(0).path("LastName").asText()).isEqualTo("L1");
        assertThat(results).extracting(SaveResult::success).containsExactly(true, true, false);
        assertThat(results.get(2).error().statusCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(waits).hasSize(1);
    }

    @Test
    void aRecordStillLockedAfterTheLastAttemptKeepsItsTransientError() {
        answers.add("[" + LOCKED + "]");
        answers.add("[" + LOCKED + "]");
        answers.add("[" + LOCKED + "]");

        List<SaveResult> results = writer.create("Lead", leads(1));

        assertThat(sent).hasSize(3);
        assertThat(results.get(0).isTransientFailure()).isTrue();
        assertThat(results.get(0).error().statusCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
    }

    @Test
    void aResponseWithTheWrongNumberOfResultsIsRejected() {
        answers.add("[" + OK + "]");

        assertThatThrownBy(() -> writer.create("Lead", leads(2)))
                .hasMessageContaining("expected 2 results");
    }
}
