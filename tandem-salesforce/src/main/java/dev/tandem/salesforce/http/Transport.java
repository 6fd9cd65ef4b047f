package dev.tandem.salesforce.http;

import dev.tandem.salesforce.auth.Session;
import dev.tandem.salesforce.auth.SessionManager;
import dev.tandem.salesforce.error.ApiError;
import dev.tandem.salesforce.error.ErrorCodes;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.limits.ApiBudget;
import dev.tandem.salesforce.limits.LimitInfoHeader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiCall}s: adds the bearer token, enforces the API budget, records usage and metrics,
 * re-authenticates once on an expired session, retries transient failures with jittered backoff (within
 * {@link ReplayRule}) and turns every other failure into a typed {@link SalesforceException}.
 */
public final class Transport {
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private final HttpClient http;
    private final SessionManager sessions;
    private final ApiBudget budget;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final ClientMetrics metrics;
    private final Duration timeout;

    public Transport(HttpClient http, SessionManager sessions, ApiBudget budget, RetryPolicy retry, Sleeper sleeper,
                     RandomGenerator random, ClientMetrics metrics, Duration timeout) {
        this.http = http;
        this.sessions = sessions;
        this.budget = budget;
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
        this.metrics = metrics;
        this.timeout = timeout;
    }

    /** Sends the call and returns its 2xx response, or throws a typed exception. */
    public ApiResponse send(ApiCall call) {
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            if (call.counted()) {
                Duration wait = budget.admit();
                if (!wait.isZero()) {
                    LOG.debug("throttling {} for {} ms: API usage near Tandem's budget", call.resource(),
                            wait.toMillis());
                    pause(wait);
                }
            }
            Session session = sessions.current();
            long start = System.nanoTime();
            HttpResponse<byte[]> response;
            byte[] body;
            try {
                response = http.send(request(call, session), HttpResponse.BodyHandlers.ofByteArray());
                body = decode(response);
            } catch (IOException e) {
                boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                boolean replay = ReplayRule.mayReplayAfterIoFailure(call.idempotent(), notSent);
                metrics.error(call.resource(), ErrorCodes.CONNECTION_FAILED);
                if (replay && attempt < retry.maxAttempts()) {
                    LOG.info("{} {} failed ({}), retry {} of {}", call.method(), call.resource(), e,
                            attempt, retry.maxAttempts() - 1);
                    backoff(attempt);
                    continue;
                }
                throw new SalesforceException(0, List.of(new ApiError(ErrorCodes.CONNECTION_FAILED,
                        call.method() + " " + call.resource() + " failed: " + e, List.of())), !notSent
                        && !call.idempotent(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SalesforceException(0, List.of(new ApiError(ErrorCodes.CONNECTION_FAILED,
                        "interrupted during " + call.method() + " " + call.resource(), List.of())),
                        !call.idempotent(), e);
            }
            int status = response.statusCode();
            if (call.counted()) {
                budget.countCall();
            }
            response.headers().firstValue(LimitInfoHeader.NAME).flatMap(LimitInfoHeader::parse)
                    .ifPresent(u -> budget.record(u[0], u[1]));
            metrics.request(call.resource(), call.method(), status, System.nanoTime() - start);
            if (status >= 200 && status < 300) {
                return new ApiResponse(status, response.headers(), body, call.resource());
            }
            List<ApiError> errors = ErrorBodies.parse(status, body);
            String code = status == 300 ? "MULTIPLE_CHOICES" : errors.get(0).errorCode();
            if (status == 300) {
                errors = List.of(new ApiError(code, "several records match: " + new String(body,
                        StandardCharsets.UTF_8), List.of()));
            }
            metrics.error(call.resource(), code);
            if (status == 401 && !renewed) {
                // A 401 means the request was not processed, so it is always safe to replay after re-auth.
                LOG.info("session rejected ({}) on {}, re-authenticating", code, call.resource());
                sessions.renew(session);
                renewed = true;
                attempt--;
                continue;
            }
            if (ErrorCodes.REQUEST_LIMIT_EXCEEDED.equals(code)) {
                budget.recordLimitExceeded();
                throw new SalesforceException(status, errors, false, null);
            }
            boolean sfBody = ErrorBodies.isSalesforceErrorArray(body);
            if (ReplayRule.mayReplayAfterResponse(call.idempotent(), status, code, sfBody)
                    && attempt < retry.maxAttempts()) {
                LOG.info("{} {} answered {} {}, retry {} of {}", call.method(), call.resource(), status, code,
                        attempt, retry.maxAttempts() - 1);
                backoff(attempt);
                continue;
            }
            boolean unknown = status >= 500 && !sfBody && !call.idempotent();
            throw new SalesforceException(status, errors, unknown, null);
        }
    }

    private HttpRequest request(ApiCall call, Session session) {
        URI uri = URI.create(call.target().startsWith("/") ? session.base() + call.target() : call.target());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + session.accessToken())
                .header("Accept-Encoding", "gzip")
                .header("Sforce-Call-Options", "client=tandem");
        call.headers().forEach(b::header);
        HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(call.body());
        return b.method(call.method(), body).build();
    }

    /** The body, inflated when Salesforce compressed it (query pages and bulk results compress well). */
    private static byte[] decode(HttpResponse<byte[]> response) throws IOException {
        byte[] raw = response.body();
        boolean gzip = response.headers().firstValue("Content-Encoding").map(v -> v.equalsIgnoreCase("gzip"))
                .orElse(false);
        if (!gzip || raw.length == 0) {
            return raw;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        }
    }

    private void backoff(int attempt) {
        pause(Backoff.delay(retry, attempt, random.nextDouble()));
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(0, List.of(new ApiError(ErrorCodes.CONNECTION_FAILED,
                    "interrupted while waiting to retry", List.of())), false, e);
        }
    }
}
