package dev.tandem.salesforce.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tandem.emulator.FaultRule;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.salesforce.error.ErrorKind;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.http.RetryPolicy;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.write.PartialWriteException;
import dev.tandem.salesforce.write.SaveResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultsEmulatorTest extends EmulatorTestBase {
    private final Soql users = Soql.select("Id").from("User").build();

    private static FaultRule fault(String code, int status, String method, String path, int times) {
        return new FaultRule(code, status, method, path, 0, times, 0, "injected " + code);
    }

    @ParameterizedTest(name = "{0} (HTTP {1}) on a query is retried and recovered")
    @CsvSource({"SERVER_UNAVAILABLE,503", "UNKNOWN_EXCEPTION,500", "UNABLE_TO_LOCK_ROW,400", "QUERY_TIMEOUT,400"})
    void transientQueryFailuresAreRetriedWithBackoff(String code, int status) {
        SalesforceClient client = client();
        client.userId();
        control.addFault(fault(code, status, "GET", ".*/query.*", 2));
        control.clearRequests();

        assertThat(client.stream(users).count()).isGreaterThanOrEqualTo(2);

        assertRequests("GET", ".*/query", 3);
        assertThat(waits).hasSize(2);
        assertThat(waits.get(1)).isGreaterThanOrEqualTo(waits.get(0).dividedBy(2));
    }

    @ParameterizedTest(name = "{0} on a collections create is replayed because Salesforce refused it")
    @CsvSource({"SERVER_UNAVAILABLE,503", "UNABLE_TO_LOCK_ROW,400"})
    void createRefusedWithASalesforceErrorIsReplayed(String code, int status) {
        SalesforceClient client = client();
        client.userId();
        control.addFault(fault(code, status, "POST", ".*/composite/sobjects", 1));
        control.clearRequests();

        List<SaveResult> results = client.create("Lead", leads(3, "Replay"));

        assertThat(results).allMatch(SaveResult::success);
        assertRequests("POST", ".*/composite/sobjects", 2);
    }

    @Test
    void retriesStopAfterTheConfiguredAttemptsWithTheLastErrorTyped() {
        SalesforceClient client = client();
        client.userId();
        control.addFault(fault("SERVER_UNAVAILABLE", 503, "GET", ".*/query.*", -1));
        control.clearRequests();

        assertThatThrownBy(() -> client.stream(users).count()).isInstanceOfSatisfying(SalesforceException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("SERVER_UNAVAILABLE");
            assertThat(e.kind()).isEqualTo(ErrorKind.RETRYABLE);
            assertThat(e.httpStatus()).isEqualTo(503);
        });
        assertRequests("GET", ".*/query", 4);
    }

    @ParameterizedTest(name = "{0} (HTTP {1}) is surfaced at once with its code")
    @CsvSource({"INSUFFICIENT_ACCESS_OR_READONLY,403,CONFIG", "INVALID_FIELD,400,CONFIG",
            "MALFORMED_QUERY,400,CONFIG", "FIELD_INTEGRITY_EXCEPTION,400,DATA", "NOT_FOUND,404,NOT_FOUND",
            "INVALID_AUTH_HEADER,401,AUTH"})
    void nonRetryableErrorsAreNotRetried(String code, int status, ErrorKind kind) {
        SalesforceClient client = client();
        client.userId();
        control.addFault(fault(code, status, "GET", ".*/query.*", -1));
        control.clearRequests();

        assertThatThrownBy(() -> client.stream(users).count()).isInstanceOfSatisfying(SalesforceException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.errorMessage()).isEqualTo("injected " + code);
        });
        assertThat(waits).isEmpty();
    }

    @Test
    void requestLimitExceededStopsWorkWithALimitExceptionAndNoRetry() {
        SalesforceClient client = client();
        client.userId();
        control.addFault(fault("REQUEST_LIMIT_EXCEEDED", 403, "POST", ".*/composite/sobjects", -1));
        control.clearRequests();

        assertThatThrownBy(() -> client.create("Lead", leads(3, "Limit")))
                .isInstanceOfSatisfying(PartialWriteException.class, e -> {
                    assertThat(e.isLimit()).isTrue();
                    assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
                    assertThat(e.completed()).isEmpty();
                });
        assertRequests("POST", ".*/composite/sobjects", 1);
    }

    @Test
    void timedOutReadIsRetried() {
        SalesforceClient client = client(config().timeouts(Duration.ofSeconds(2), Duration.ofMillis(2_000)).build());
        client.userId();
        control.addFault(new FaultRule(null, 0, "GET", ".*/query.*", 0, 1, 4_000, null));
        control.clearRequests();

        assertThat(client.stream(users).count()).isGreaterThanOrEqualTo(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void timedOutCreateIsNotReplayedAndReportsAnUnknownOutcome() {
        SalesforceClient client = client(config().timeouts(Duration.ofSeconds(2), Duration.ofMillis(2_000)).build());
        client.userId();
        control.addFault(new FaultRule(null, 0, "POST", ".*/composite/sobjects", 0, 1, 4_000, null));
        control.clearRequests();

        assertThatThrownBy(() -> client.create("Lead", List.of(Map.of("LastName", "Maybe", "Company", "Acme"))))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.kind()).isEqualTo(ErrorKind.RETRYABLE);
                });
        assertThat(waits).isEmpty();
        // The slow request is still applied by the org, which is exactly why it must not be replayed blindly.
        Soql maybe = Soql.selectCount().from("Lead").where(Cond.eq("LastName", "Maybe")).build();
        await().atMost(Duration.ofSeconds(15)).until(() -> client.count(maybe) == 1);
    }

    @Test
    void droppedConnectionsOnAReadAreRetriedUntilTheAttemptsRunOut() {
        SalesforceClient client = client();
        client.userId();
        control.addFault(fault("SERVER_UNAVAILABLE", 0, "GET", "/query", -1));

        assertThatThrownBy(() -> client.stream(users).count()).isInstanceOfSatisfying(SalesforceException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("CONNECTION_FAILED");
            assertThat(e.kind()).isEqualTo(ErrorKind.RETRYABLE);
            assertThat(e.outcomeUnknown()).as("a read changes nothing").isFalse();
        });
        assertThat(waits).hasSize(3);
        control.clearFaults();
        assertThat(client.stream(users).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void droppedConnectionOnACreateIsNotReplayed() {
        SalesforceClient client = client();
        client.userId();
        control.addFault(fault("SERVER_UNAVAILABLE", 0, "POST", "/composite/sobjects", 1));

        assertThatThrownBy(() -> client.create("Lead", leads(2, "Dropped")))
                .isInstanceOfSatisfying(SalesforceException.class, e -> {
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.errorCode()).isEqualTo("CONNECTION_FAILED");
                });
        assertThat(waits).isEmpty();
    }

    @Test
    void connectionRefusedIsATypedRetryableFailure() {
        SalesforceClient client = client(config().build());
        SalesforceClient offline = client(SalesforceConfig.builder("http://127.0.0.1:9")
                .clientCredentials(CLIENT_ID, CLIENT_SECRET)
                .retry(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), 1))
                .build());

        assertThatThrownBy(offline::userId).isInstanceOfSatisfying(SalesforceException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("CONNECTION_FAILED");
            assertThat(e.kind()).isEqualTo(ErrorKind.RETRYABLE);
        });
        assertThat(waits).hasSize(1);
        assertThat(client.userId()).startsWith("005");
    }
}
