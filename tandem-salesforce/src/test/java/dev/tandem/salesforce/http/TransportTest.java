package dev.tandem.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tandem.salesforce.auth.Session;
import dev.tandem.salesforce.auth.SessionManager;
import dev.tandem.salesforce.error.ErrorKind;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.limits.ApiBudget;
import java.io.ByteArrayOutputStream;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transport behaviours that need answers no Salesforce gives on purpose (proxy pages), against a loopback stub. */
class TransportTest {
    private record Answer(int status, String contentType, String body, boolean gzip) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, false);
        }
    }

    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<String> seen = new ArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final List<Duration> waits = new ArrayList<>();
    private HttpServer server;
    private Transport transport;
    private ApiBudget budget;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            Answer a = answers.isEmpty() ? new Answer(200, "application/json", "{}") : answers.poll();
            seen.add("Accept-Encoding: " + exchange.getRequestHeaders().getFirst("Accept-Encoding"));
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            if (a.gzip()) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                    out.write(body);
                }
                body = zipped.toByteArray();
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            }
            exchange.getResponseHeaders().add("Content-Type", a.contentType());
            exchange.getResponseHeaders().add("Sforce-Limit-Info", "api-usage=42/15000");
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        SessionManager sessions = new SessionManager(() -> new Session("t" + logins.incrementAndGet(), base, null,
                "00D", "005"));
        budget = new ApiBudget(50, 80, Duration.ofSeconds(1), Duration.ofMinutes(5), Clock.systemUTC());
        transport = new Transport(HttpClient.newHttpClient(), sessions, budget,
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 2.0), waits::add, new Random(1),
                new ClientMetrics(null), Duration.ofSeconds(5));
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void postAnsweredWithAProxyErrorPageIsNotReplayedAndReportsAnUnknownOutcome() {
        answers.add(new Answer(502, "text/html", "<html>bad gateway</html>"));

        assertThatThrownBy(() -> transport.send(ApiCall.json("POST", "composite/sobjects", "/x", Map.of("a", 1))))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.kind()).isEqualTo(ErrorKind.RETRYABLE);
                    assertThat(e.errorCode()).isEqualTo("HTTP_502");
                });
        assertThat(seen).filteredOn(l -> l.startsWith("POST")).hasSize(1);
    }

    @Test
    void getAnsweredWithAProxyErrorPageIsReplayed() {
        answers.add(new Answer(502, "text/html", "<html>bad gateway</html>"));
        answers.add(new Answer(200, "application/json", "{\"ok\":true}"));

        ApiResponse r = transport.send(ApiCall.get("query", "/x"));

        assertThat(r.json().path("ok").asBoolean()).isTrue();
        assertThat(seen).filteredOn(l -> l.startsWith("GET")).hasSize(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void aSecond401AfterRenewalIsAnAuthFailure() {
        String expired = "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";
        answers.add(new Answer(401, "application/json", expired));
        answers.add(new Answer(401, "application/json", expired));

        assertThatThrownBy(() -> transport.send(ApiCall.get("query", "/x")))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.AUTH);
                    assertThat(e.errorCode()).isEqualTo("INVALID_SESSION_ID");
                });
        assertThat(logins).hasValue(2);
        assertThat(seen).filteredOn(l -> l.startsWith("GET")).containsExactly("GET Bearer t1", "GET Bearer t2");
    }

    @Test
    void compressedResponsesAreAskedForAndInflated() {
        answers.add(new Answer(200, "application/json", "{\"records\":[1,2,3]}", true));

        ApiResponse r = transport.send(ApiCall.get("query", "/x"));

        assertThat(r.json().path("records").size()).isEqualTo(3);
        assertThat(seen).contains("Accept-Encoding: gzip");
    }

    @Test
    void limitHeaderOfEveryResponseIsRecorded() {
        transport.send(ApiCall.get("query", "/x"));

        assertThat(budget.usage().used()).isEqualTo(42);
        assertThat(budget.usage().max()).isEqualTo(15_000);
    }

    @Test
    void multipleChoicesIsTypedAsItsOwnCode() {
        answers.add(new Answer(300, "application/json", "[\"/services/data/v62.0/sobjects/Lead/00Q1\"]"));

        assertThatThrownBy(() -> transport.send(ApiCall.json("PATCH", "sobjects", "/x", Map.of())))
                .isInstanceOfSatisfying(SalesforceException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("MULTIPLE_CHOICES"));
    }
}
