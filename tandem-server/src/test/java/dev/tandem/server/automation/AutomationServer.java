package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.NewApiClient;
import dev.tandem.server.automation.api.AutomationModule;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.http.MutableClock;
import dev.tandem.server.http.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * A real Tandem server with the automation module on a random port, spoken to over HTTP with a bearer token. By
 * default the engine's worker does not run in the background: tests drain it by hand, so they are deterministic.
 */
final class AutomationServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final TestDatabases.TestDatabase database;
    private final boolean ownsDatabase;
    private final TandemApp app;
    private final AutomationModule module;
    private final MutableClock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private final NewApiClient client;
    private volatile String token;

    private AutomationServer(TestDatabases.TestDatabase database, boolean ownsDatabase, MutableClock clock,
                             Function<TandemApp.Services, AutomationModule> factory) {
        this(database, ownsDatabase, clock, ZoneOffset.UTC, factory);
    }

    private AutomationServer(TestDatabases.TestDatabase database, boolean ownsDatabase, MutableClock clock,
                             ZoneId zone, Function<TandemApp.Services, AutomationModule> factory) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.clock = clock;
        AtomicReference<AutomationModule> holder = new AtomicReference<>();
        TandemConfig config = new TandemConfig(0, database.url(), database.user(), database.password(),
                Optional.of(SECRET_KEY), Optional.empty(), TandemConfig.DEFAULT_TOKEN_TTL_SECONDS).withTimeZone(zone);
        this.app = TandemApp.builder(config).clock(clock).module(services -> {
            AutomationModule m = factory.apply(services);
            holder.set(m);
            return m;
        }).build().start();
        this.module = holder.get();
        this.client = app.services().apiClients().create("automation-test");
        this.token = newToken();
    }

    private String newToken() {
        return json(send(HttpRequest.newBuilder(uri("/identity/oauth/token?grant_type=client_credentials"
                + "&client_id=" + encode(client.clientId()) + "&client_secret=" + encode(client.clientSecret())))
                .GET().build()).body()).get("access_token").asText();
    }

    // Tests move the clock by days, which expires tokens; a fresh token is fetched once and the call repeated.
    private JsonNode call(java.util.function.Supplier<HttpRequest> request) {
        JsonNode response = json(send(request.get()).body());
        if (!response.path("success").asBoolean(true) && "602".equals(response.path("errors").path(0).path("code")
                .asText())) {
            token = newToken();
            response = json(send(request.get()).body());
        }
        return response;
    }

    /** A server over a fresh H2 database, without Salesforce. */
    static AutomationServer onH2() {
        return on(TestDatabases.Kind.H2);
    }

    /** A server over a fresh database of the given kind in a subscription time zone, without Salesforce. */
    static AutomationServer on(TestDatabases.Kind kind, ZoneId zone) {
        return new AutomationServer(TestDatabases.create(kind), true, clock(), zone,
                services -> new AutomationModule(services, (h, ids) -> Map.of(), null, false));
    }

    /** A server over a fresh database of the given kind, without Salesforce. */
    static AutomationServer on(TestDatabases.Kind kind) {
        return new AutomationServer(TestDatabases.create(kind), true, clock(),
                services -> new AutomationModule(services, (h, ids) -> Map.of(), null, false));
    }

    /** A server with the Salesforce flow actions (connect it through the settings API) over a fresh H2 database. */
    static AutomationServer withSalesforce() {
        return withSalesforce(TestDatabases.Kind.H2);
    }

    /** As {@link #withSalesforce()} over a fresh database of the given kind. */
    static AutomationServer withSalesforce(TestDatabases.Kind kind) {
        return new AutomationServer(TestDatabases.create(kind), true, clock(),
                services -> AutomationModule.withSalesforce(services, false));
    }

    /** A node over a shared database, running its worker in the background (the database outlives it). */
    static AutomationServer backgroundNode(TestDatabases.TestDatabase shared, MutableClock clock) {
        return new AutomationServer(shared, false, clock,
                services -> new AutomationModule(services, (h, ids) -> Map.of(), null, true));
    }

    static MutableClock clock() {
        return new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    }

    TandemApp app() {
        return app;
    }

    AutomationModule module() {
        return module;
    }

    MutableClock time() {
        return clock;
    }

    /** Runs the engine until nothing is due now. */
    void drain() {
        module.engine().drain();
    }

    JsonNode get(String path) {
        return call(() -> authorized(path).GET().build());
    }

    JsonNode postJson(String path, String body) {
        return call(() -> authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    JsonNode postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return call(() -> authorized(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    URI uri(String path) {
        return app.baseUri().resolve(path);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        app.close();
        if (ownsDatabase) {
            database.drop();
        }
    }
}
