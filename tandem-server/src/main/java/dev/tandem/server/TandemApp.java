package dev.tandem.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.api.ApiModule;
import dev.tandem.server.auth.AccessTokens;
import dev.tandem.server.auth.ApiClients;
import dev.tandem.server.auth.BearerAuthenticator;
import dev.tandem.server.auth.IdentityModule;
import dev.tandem.server.auth.SecretHasher;
import dev.tandem.server.config.NodeIds;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.console.ConsoleModule;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.http.HttpServer;
import dev.tandem.server.http.JsonMappers;
import dev.tandem.server.http.OpsModule;
import dev.tandem.server.http.TandemModule;
import dev.tandem.server.store.Database;
import dev.tandem.server.sync.cycle.CampaignSyncModule;
import dev.tandem.server.sync.cycle.FlowOptions;
import dev.tandem.server.sync.link.SyncLinkModule;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The composition root: opens the database (running migrations), builds the services, and serves them over HTTP.
 * A capability plugs in as a {@link TandemModule} built from {@link Services}: list it in {@link #CORE_MODULES}
 * when it is part of every server, or add it with {@link Builder#module(Function)} (tests, the demo).
 */
public final class TandemApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TandemApp.class);

    /** The modules every server runs, in start order. */
    private static final List<Function<Services, TandemModule>> CORE_MODULES = List.of(
            services -> new IdentityModule(services.accessTokens()),
            services -> new OpsModule(services.metrics()),
            services -> new ApiModule(services.json(), services.people(), services.programs(), services.memberships(),
                    services.activityLog()),
            services -> new CampaignSyncModule(services, reconciler -> new SyncLinkModule(services.database().jdbi(),
                    services.json(), services.clock(), services.metrics(), services.programs(),
                    services.config().secretKey(), services.config().dataDir(), Optional.of(reconciler), Duration.ofSeconds(1),
                    services.nodeId()),
                    FlowOptions.DEFAULT));

    private final TandemConfig config;
    private final Database database;
    private final Services services;
    private final HttpServer http;
    private final List<TandemModule> modules;
    private final List<TandemModule> started = new ArrayList<>();
    private boolean closed;

    /**
     * What a module may use: configuration, database, shared JSON mapper, metrics, clock and the domain services.
     * Services are built once per app and are safe to share between threads. {@code nodeId} is this node's name in
     * cluster leases and claims (the configured one, else random per start), the same for every module.
     */
    public record Services(
            TandemConfig config,
            Database database,
            ObjectMapper json,
            PrometheusMeterRegistry metrics,
            Clock clock,
            ApiClients apiClients,
            AccessTokens accessTokens,
            ActivityLog activityLog,
            PeopleService people,
            ProgramService programs,
            MembershipService memberships,
            String nodeId) {
    }

    private TandemApp(TandemConfig config, Clock clock, List<Function<Services, TandemModule>> extraModules) {
        this.config = config;
        this.database = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword());
        try {
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            ApiClients clients = new ApiClients(database.jdbi(), new SecretHasher(), clock);
            AccessTokens tokens = new AccessTokens(database.jdbi(), clients, tokenKey(config),
                    Duration.ofSeconds(config.accessTokenTtlSeconds()), clock);
            config.bootstrapClient().ifPresent(clients::ensure);
            ObjectMapper json = JsonMappers.create();
            ActivityLog activityLog = new ActivityLog(database.jdbi());
            this.services = new Services(config, database, json, metrics, clock, clients, tokens, activityLog,
                    new PeopleService(database.jdbi(), activityLog, clock),
                    new ProgramService(database.jdbi(), clock),
                    new MembershipService(database.jdbi(), activityLog, clock),
                    NodeIds.resolve(config));
            this.modules = new ArrayList<>();
            CORE_MODULES.forEach(factory -> modules.add(factory.apply(services)));
            extraModules.forEach(factory -> modules.add(factory.apply(services)));
            // The console shows what the other modules hold, so it is built last and given them.
            modules.add(new ConsoleModule(services, List.copyOf(modules)));
            this.http = new HttpServer(json, metrics, new BearerAuthenticator(tokens));
            http.install(modules);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Starts assembling an app for {@code config}. */
    public static Builder builder(TandemConfig config) {
        return new Builder(config);
    }

    /** Listens on the configured port and starts every module's background work. */
    public TandemApp start() {
        http.start(config.httpPort());
        for (TandemModule module : modules) {
            module.start();
            started.add(module);
        }
        LOG.info("Tandem started on port {} with modules {}", port(),
                modules.stream().map(TandemModule::name).toList());
        return this;
    }

    /** The port the server listens on (useful with port 0). */
    public int port() {
        return http.port();
    }

    /** {@code http://localhost:<port>}. */
    public URI baseUri() {
        return URI.create("http://localhost:" + port());
    }

    /** The module of this type the app runs, if any (commands that drive a module without serving HTTP). */
    public <T extends TandemModule> Optional<T> module(Class<T> type) {
        return modules.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The services this app built, for embedding code and tests. */
    public Services services() {
        return services;
    }

    /** Stops modules (in reverse order), the HTTP server, then the database. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).stop();
            } catch (RuntimeException e) {
                LOG.warn("Module {} failed to stop cleanly", started.get(i).name(), e);
            }
        }
        http.close();
        database.close();
    }

    // The token key derives from the configured secret so that every node re-issues the same live token; without
    // one, this node's tokens still work everywhere (the hash is shared) but are not re-issued elsewhere.
    private static byte[] tokenKey(TandemConfig config) {
        if (config.secretKey().isEmpty()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return key;
        }
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("tandem access tokens|" + config.secretKey().get()).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }

    /** Assembles a {@link TandemApp}. */
    public static final class Builder {
        private final TandemConfig config;
        private final List<Function<Services, TandemModule>> modules = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(TandemConfig config) {
            this.config = config;
        }

        /** Uses another clock (tests move it to expire tokens). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Adds a module built from the app's services, after the core modules. */
        public Builder module(Function<Services, TandemModule> factory) {
            modules.add(factory);
            return this;
        }

        /** Opens the database and builds the app; call {@link TandemApp#start()} to serve. */
        public TandemApp build() {
            return new TandemApp(config, clock, List.copyOf(modules));
        }
    }
}
