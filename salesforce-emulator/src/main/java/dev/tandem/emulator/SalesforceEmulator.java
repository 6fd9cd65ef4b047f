package dev.tandem.emulator;

import dev.tandem.emulator.auth.Sessions;
import dev.tandem.emulator.auth.TokenEndpoint;
import dev.tandem.emulator.bulk.BulkResource;
import dev.tandem.emulator.control.ControlPlane;
import dev.tandem.emulator.control.FaultRules;
import dev.tandem.emulator.control.RequestLog;
import dev.tandem.emulator.control.Seeder;
import dev.tandem.emulator.http.ServicesGateway;
import dev.tandem.emulator.limits.ApiLimits;
import dev.tandem.emulator.org.EmulatorClock;
import dev.tandem.emulator.org.Org;
import dev.tandem.emulator.rest.Context;
import dev.tandem.emulator.rest.QueryCursors;
import dev.tandem.emulator.rest.RestApi;
import dev.tandem.emulator.schema.StandardSchema;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A strict, stateful, local Salesforce org speaking the REST, Bulk API 2.0 and OAuth wire protocol on 127.0.0.1,
 * embeddable in tests ({@link #start}, {@link #close}) and runnable on its own ({@link EmulatorMain}).
 */
public final class SalesforceEmulator implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final long MAX_REQUEST_BYTES = 160L * 1024 * 1024;

    private final EmulatorConfig config;
    private final Org org;
    private final Javalin app;
    private final ScheduledExecutorService bulkWorker;
    private final EmulatorControl control;
    private volatile String baseUrl;

    private SalesforceEmulator(EmulatorConfig config) {
        this.config = config;
        EmulatorClock clock = new EmulatorClock(config.clock());
        this.org = new Org(StandardSchema.build(config.customFields()), clock, config.orgSettings());
        ApiLimits limits = new ApiLimits(config.dailyApiRequestLimit(), config.concurrentRequestLimit(),
                config.longRequestThreshold());
        QueryCursors cursors = new QueryCursors();
        Sessions sessions = new Sessions(org.orgId15(), clock, config.sessionTimeout());
        FaultRules faults = new FaultRules();
        RequestLog log = new RequestLog();
        Context context = new Context(org, cursors, limits, config, this::baseUrl);
        this.bulkWorker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "emulator-bulk");
            t.setDaemon(true);
            return t;
        });
        BulkResource bulk = new BulkResource(context, bulkWorker);
        RestApi api = new RestApi(context, bulk);
        TokenEndpoint tokens = new TokenEndpoint(org, sessions, config, this::baseUrl);
        ServicesGateway gateway = new ServicesGateway(org, sessions, tokens, api, limits, faults, log, this::baseUrl);
        Runnable reset = () -> {
            org.reset();
            org.clock().reset();
            cursors.clear();
            bulk.clear();
            limits.reset();
            faults.clear();
            log.clear();
            applySeed();
        };
        ControlPlane controlPlane = new ControlPlane(org, sessions, tokens, limits, faults, log, reset);
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            cfg.jetty.defaultHost = HOST;
        });
        for (HandlerType t : new HandlerType[] {HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
                HandlerType.DELETE}) {
            app.addHttpHandler(t, "/services/*", gateway);
            app.addHttpHandler(t, "/id/*", gateway);
        }
        controlPlane.register(app);
        this.control = new EmulatorControl(this::baseUrl);
    }

    /** Starts an emulator on 127.0.0.1 (port 0 picks a free one) and loads the configured seed. */
    public static SalesforceEmulator start(EmulatorConfig config) {
        SalesforceEmulator emulator = new SalesforceEmulator(config);
        try {
            emulator.app.start(HOST, config.port());
            emulator.baseUrl = "http://" + HOST + ":" + emulator.app.port();
            emulator.applySeed();
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        return emulator;
    }

    private void applySeed() {
        if (config.seedJson() != null) {
            new Seeder(org).seed(config.seedJson());
        }
    }

    /** "http://127.0.0.1:&lt;port&gt;": the login URL and the instance URL alike. */
    public String baseUrl() {
        return baseUrl;
    }

    /** A typed client for the control plane, over real HTTP. */
    public EmulatorControl control() {
        return control;
    }

    /** The emulated org's id (18 characters). */
    public String orgId() {
        return org.orgId();
    }

    @Override
    public void close() {
        app.stop();
        bulkWorker.shutdownNow();
    }
}
