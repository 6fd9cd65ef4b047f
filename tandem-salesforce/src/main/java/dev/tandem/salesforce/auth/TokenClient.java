package dev.tandem.salesforce.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.error.ApiError;
import dev.tandem.salesforce.error.ErrorCodes;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.http.Backoff;
import dev.tandem.salesforce.http.ClientMetrics;
import dev.tandem.salesforce.http.ErrorBodies;
import dev.tandem.salesforce.http.Json;
import dev.tandem.salesforce.http.RetryPolicy;
import dev.tandem.salesforce.http.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests access tokens from {@code <loginUrl>/services/oauth2/token} with one of the four OAuth flows.
 * Token requests are safe to repeat, so connection failures and 5xx answers are retried with backoff;
 * OAuth refusals ({@code invalid_grant}, ...) are not.
 */
public final class TokenClient implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(TokenClient.class);
    private final HttpClient http;
    private final URI tokenUri;
    private final Credentials credentials;
    private final PrivateKey jwtKey;
    private final Duration timeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final Clock clock;
    private final ClientMetrics metrics;

    public TokenClient(HttpClient http, URI loginUrl, Credentials credentials, Duration timeout, RetryPolicy retry,
                       Sleeper sleeper, RandomGenerator random, Clock clock, ClientMetrics metrics) {
        this.http = http;
        String base = loginUrl.toString().replaceAll("/+$", "");
        this.tokenUri = URI.create(base + "/services/oauth2/token");
        this.credentials = credentials;
        this.jwtKey = credentials instanceof Credentials.JwtBearer j ? JwtAssertion.parsePrivateKey(j.privateKeyPem())
                : null;
        this.timeout = timeout;
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Session authenticate() {
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form(grant()))).build();
            long start = System.nanoTime();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                metrics.error("oauth2/token", ErrorCodes.CONNECTION_FAILED);
                if (attempt >= retry.maxAttempts()) {
                    throw new SalesforceException(0, List.of(new ApiError(ErrorCodes.CONNECTION_FAILED,
                            "cannot reach the token endpoint " + tokenUri + ": " + e, List.of())), false, e);
                }
                pause(attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SalesforceException(0, List.of(new ApiError(ErrorCodes.CONNECTION_FAILED,
                        "interrupted while authenticating", List.of())), false, e);
            }
            int status = response.statusCode();
            metrics.request("oauth2/token", "POST", status, System.nanoTime() - start);
            if (status == 200) {
                LOG.debug("authenticated with {} at {}", credentials.getClass().getSimpleName(), tokenUri);
                return session(Json.read(response.body(), "oauth2/token"));
            }
            List<ApiError> errors = ErrorBodies.parse(status, response.body());
            metrics.error("oauth2/token", errors.get(0).errorCode());
            if (status >= 500 && attempt < retry.maxAttempts()) {
                pause(attempt);
                continue;
            }
            throw new SalesforceException(status, errors, false, null);
        }
    }

    private void pause(int attempt) {
        try {
            sleeper.sleep(Backoff.delay(retry, attempt, random.nextDouble()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceException(0, List.of(new ApiError(ErrorCodes.CONNECTION_FAILED,
                    "interrupted while authenticating", List.of())), false, e);
        }
    }

    private Map<String, String> grant() {
        Map<String, String> p = new LinkedHashMap<>();
        if (credentials instanceof Credentials.JwtBearer j) {
            p.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
            p.put("assertion", JwtAssertion.sign(j.clientId(), j.username(), j.audience(), clock.instant(), jwtKey));
        } else if (credentials instanceof Credentials.ClientCredentials c) {
            p.put("grant_type", "client_credentials");
            p.put("client_id", c.clientId());
            p.put("client_secret", c.clientSecret());
        } else if (credentials instanceof Credentials.RefreshToken r) {
            p.put("grant_type", "refresh_token");
            p.put("refresh_token", r.refreshToken());
            p.put("client_id", r.clientId());
            if (r.clientSecret() != null) {
                p.put("client_secret", r.clientSecret());
            }
        } else if (credentials instanceof Credentials.Password pw) {
            p.put("grant_type", "password");
            p.put("client_id", pw.clientId());
            p.put("client_secret", pw.clientSecret());
            p.put("username", pw.username());
            p.put("password", pw.password());
        }
        return p;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Reads the token response; only access_token and instance_url are required, the rest is optional. */
    static Session session(JsonNode body) {
        String token = body.path("access_token").asText(null);
        String instance = body.path("instance_url").asText(null);
        if (token == null || token.isBlank() || instance == null || instance.isBlank()) {
            throw Json.unexpected("oauth2/token", "access_token or instance_url missing");
        }
        String id = body.path("id").asText("");
        String[] parts = id.split("/");
        String orgId = parts.length >= 2 ? parts[parts.length - 2] : null;
        String userId = parts.length >= 2 ? parts[parts.length - 1] : null;
        return new Session(token, URI.create(instance), id.isEmpty() ? null : id, orgId, userId);
    }
}
