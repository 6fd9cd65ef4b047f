package dev.tandem.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.TandemApp;
import dev.tandem.server.auth.NewApiClient;
import dev.tandem.server.config.TandemConfig;

import java.time.Instant;

/**
 * A real Tandem server on a random port over a fresh database, with an API client and a token, spoken to with the
 * JDK's HTTP client exactly as an integration would.
 */
public final class TestTandem implements AutoCloseable, TandemOverHttp {
    private final TestDatabases.TestDatabase database;
    private final TandemApp app;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final NewApiClient client;
    private final ApiCaller caller;

    private TestTandem(TestDatabases.Kind kind) {
        this.database = TestDatabases.create(kind);
        TandemConfig config = TandemConfig.defaults().withHttpPort(0)
                .withDatabase(database.url(), database.user(), database.password());
        this.app = TandemApp.builder(config).clock(clock).build().start();
        this.client = app.services().apiClients().create("test");
        this.caller = new ApiCaller(app::baseUri, client);
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
        return caller.token();
    }

    /** Asks the identity endpoint for a token. */
    public String newToken() {
        return caller.newToken();
    }

    /** Parses JSON text. */
    public static JsonNode json(String text) {
        return ApiCaller.json(text);
    }

    /** URL-encodes a query or form value. */
    public static String encode(String value) {
        return ApiCaller.encode(value);
    }

    @Override
    public ApiCaller caller() {
        return caller;
    }

    @Override
    public void close() {
        app.close();
        database.drop();
    }
}
