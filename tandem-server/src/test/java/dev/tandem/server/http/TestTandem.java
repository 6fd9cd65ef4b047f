package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.NewApiClient;
import dev.tandem.server.config.TandemConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Tandem server on a random port over a fresh database, with an API client and a token, spoken to with the
 * JDK's HTTP client exactly as an integration would.
 */
public final class TestTandem implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestDatabases.TestDatabase database;
    private final TandemApp app;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final NewApiClient client;
    private String token;

    private TestTandem(TestDatabases.Kind kind) {
        this.database = TestDatabases.create(kind);
        TandemConfig config = TandemConfig.defaults().withHttpPort(0)
                .withDatabase(database.url(), database.user(), database.password());
        this.app = TandemApp.builder(config).clock(clock).build().start();
        this.client = app.services().apiClients().create("test");
    }

    /** A server over a fresh in-memory H2 database. */
    public static TestTandem onH2() {
        return new TestTandem(TestDatabases.Kind.H2);
    }

    /** A server over a fresh schema of the local PostgreSQL. */
    public static TestTandem onPostgres() {
        return new TestTandem(TestDatabases.Kind.POSTGRES);
    }

    /** A server over the given kind of database. */
    public static TestTandem on(TestDatabases.Kind kind) {
        return new TestTandem(kind);
    }

    public TandemApp app() {
        return app;
    }

    public MutableClock clock() {
        return clock;
    }

    public NewApiClient client() {
        return client;
    }

    /** A token for the test client, fetched once through the identity endpoint. */
    public String token() {
        if (token == null) {
            token = newToken();
        }
        return token;
    }

    /** Asks the identity endpoint for a token. */
    public String newToken() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/identity/oauth/token?grant_type=client_credentials&client_id="
                + encode(client.clientId()) + "&client_secret=" + encode(client.clientSecret()))).GET().build());
        return json(response.body()).get("access_token").asText();
    }

    /** GET with the bearer token; the parsed JSON body. */
    public JsonNode get(String pathAndQuery) {
        return json(send(authorized(pathAndQuery).GET().build()).body());
    }

    /** POST of a JSON body with the bearer token. */
    public JsonNode postJson(String path, String body) {
        return json(send(authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).body());
    }

    /** POST of a form-urlencoded body with the bearer token. */
    public JsonNode postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return json(send(authorized(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).body());
    }

    /** Sends any request; the raw response. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request builder for a path of this server carrying the bearer token. */
    public HttpRequest.Builder authorized(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", "Bearer " + token());
    }

    /** The absolute URI of a path of this server. */
    public URI uri(String pathAndQuery) {
        return app.baseUri().resolve(pathAndQuery);
    }

    /** Parses JSON text. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** URL-encodes a query or form value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        app.close();
        database.drop();
    }
}
