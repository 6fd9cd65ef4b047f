package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.TandemApp;
import dev.tandem.server.automation.api.AutomationModule;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.http.ApiCaller;
import dev.tandem.server.http.MutableClock;
import dev.tandem.server.http.TandemOverHttp;
import dev.tandem.server.http.TestDatabases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real Tandem server with the automation module on a random port, spoken to over HTTP through {@link ApiCaller}
 * (which fetches a new token when a clock jump expired the old one). By
 * default the engine's worker does not run in the background: tests drain it by hand, so they are deterministic.
 */
final class AutomationServer implements AutoCloseable, TandemOverHttp {
    private static final String SECRET_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final TestDatabases.TestDatabase database;
    private final boolean ownsDatabase;
    private final TandemApp app;
    private final AutomationModule module;
    private final MutableClock clock;
    private final ApiCaller caller;

    private AutomationServer(TestDatabases.TestDatabase database, boolean ownsDatabase, MutableClock clock,
                             Function<TandemApp.Services, AutomationModule> factory) {
        this(database, ownsDatabase, clock, ZoneOffset.UTC, factory);
    }

    private AutomationServer(TestDatabases.TestDatabase database, boolean ownsDatabase, MutableClock clock,
                             ZoneId zone, Function<TandemApp.Services, AutomationModule> factory) {
        this(database, ownsDatabase, clock, zone, Optional.empty(), factory);
    }

    private AutomationServer(TestDatabases.TestDatabase database, boolean ownsDatabase, MutableClock clock,
                             ZoneId zone, Optional<String> nodeId,
                             Function<TandemApp.Services, AutomationModule> factory) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.clock = clock;
        AtomicReference<AutomationModule> holder = new AtomicReference<>();
        TandemConfig config = new TandemConfig(0, database.url(), database.user(), database.password(),
                Optional.of(SECRET_KEY), Optional.empty(), TandemConfig.DEFAULT_TOKEN_TTL_SECONDS).withTimeZone(zone);
        config = nodeId.map(config::withNodeId).orElse(config);
        this.app = TandemApp.builder(config).clock(clock).module(services -> {
            AutomationModule m = factory.apply(services);
            holder.set(m);
            return m;
        }).build().start();
        this.module = holder.get();
        this.caller = new ApiCaller(app::baseUri, app.services().apiClients().create("automation-test"));
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

    /** A node over a shared database whose worker runs only when drained (the database outlives it). */
    static AutomationServer node(TestDatabases.TestDatabase shared, MutableClock clock) {
        return new AutomationServer(shared, false, clock,
                services -> new AutomationModule(services, (h, ids) -> Map.of(), null, false));
    }

    /** As {@link #node}, under a fixed node name (TANDEM_NODE_ID). */
    static AutomationServer namedNode(TestDatabases.TestDatabase shared, MutableClock clock, String nodeId) {
        return new AutomationServer(shared, false, clock, ZoneOffset.UTC, Optional.of(nodeId),
                services -> new AutomationModule(services, (h, ids) -> Map.of(), null, false));
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

    static JsonNode json(String text) {
        return ApiCaller.json(text);
    }

    static String encode(String value) {
        return ApiCaller.encode(value);
    }

    @Override
    public ApiCaller caller() {
        return caller;
    }

    @Override
    public void close() {
        app.close();
        if (ownsDatabase) {
            database.drop();
        }
    }
}
