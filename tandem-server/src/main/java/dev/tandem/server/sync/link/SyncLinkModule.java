package dev.tandem.server.sync.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.TandemModule;
import dev.tandem.server.sync.campaign.CampaignDirectory;
import dev.tandem.server.sync.campaign.CampaignFieldsPusher;
import dev.tandem.server.sync.campaign.CampaignGateway;
import dev.tandem.server.sync.campaign.ClientCampaignGateway;
import dev.tandem.server.sync.cycle.LeaseStore;
import dev.tandem.server.sync.diagnosis.SyncDiagnosis;
import dev.tandem.server.sync.reconcile.CampaignReconciler;
import dev.tandem.server.sync.secrets.SecretKeySource;
import dev.tandem.server.sync.settings.SalesforceConnectionService;
import dev.tandem.server.sync.settings.SalesforceConnectionStore;
import dev.tandem.server.sync.settings.SalesforceConnections;
import dev.tandem.server.sync.settings.SyncSettingsService;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The LINK half of the campaign sync as a server module: settings and the encrypted Salesforce connection,
 * diagnosis, the campaign picker, link/unlink and status matching, and the one-way Type/ActualCost push. The FLOW
 * half reads {@link #settings()}, {@link #connections()} and {@link #links()}, and runs the initial reconcile
 * through the {@link CampaignReconciler} given here.
 */
public final class SyncLinkModule implements TandemModule {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLinkModule.class);

    private final SyncSettingsService settings;
    private final SalesforceConnectionService connection;
    private final SalesforceConnections connections;
    private final SyncDiagnosis diagnosis;
    private final CampaignDirectory directory;
    private final CampaignLinkStore links = new CampaignLinkStore();
    private final CampaignLinkService linkService;
    private final CampaignFieldsPusher fieldsPusher;
    private final LinkRoutes routes;
    private final ExecutorService reconciles;
    private final Duration pushInterval;
    private ScheduledExecutorService ticker;

    /**
     * @param secretKey    base64 of the 32-byte key for stored credentials; when empty a development key is
     *                     generated into {@code dataDir} on first use, with a warning
     * @param reconciler   FLOW's reconciler, run (INITIAL) after each link; when absent a new link stays PENDING
     *                     until the periodic reconcile takes it up
     * @param pushInterval how often pending Type/ActualCost changes are sent, and waiting initial reconciles looked
     *                     for
     * @param nodeId       this node's name in the fields push lease, so a restarted node takes its lease back
     */
    public SyncLinkModule(Jdbi jdbi, ObjectMapper json, Clock clock, MeterRegistry metrics, ProgramService programs,
                          Optional<String> secretKey, Path dataDir, Optional<CampaignReconciler> reconciler,
                          Duration pushInterval, String nodeId) {
        this.settings = new SyncSettingsService(jdbi, clock);
        SalesforceConnectionStore store = new SalesforceConnectionStore(jdbi,
                SecretKeySource.lazyCipher(secretKey.orElse(null), dataDir));
        this.connection = new SalesforceConnectionService(store, clock);
        this.connections = new SalesforceConnections(store, settings, metrics);
        // A saved connection reaches the shared client at once, whichever interface (REST, console) saved it.
        connection.onChange(connections::reset);
        Supplier<Optional<CampaignGateway>> gateways = () -> connections.client().map(ClientCampaignGateway::new);
        this.diagnosis = new SyncDiagnosis(settings, connections);
        this.directory = new CampaignDirectory(jdbi, links, diagnosis, gateways);
        this.reconciles = Executors.newSingleThreadExecutor(daemon("tandem-initial-reconcile"));
        this.linkService = new CampaignLinkService(jdbi, programs, links, settings, gateways, reconciler, reconciles,
                clock, nodeId);
        this.fieldsPusher = new CampaignFieldsPusher(jdbi, links, programs, settings, gateways, new LeaseStore(jdbi),
                nodeId, clock);
        programs.addListener(fieldsPusher);
        settings.onChange(changed -> {
            if (changed.campaignSyncEnabled()) {
                linkService.resumePendingReconciles();
            }
        });
        this.pushInterval = pushInterval;
        this.routes = new LinkRoutes(new Requests(json), settings, connection, diagnosis, directory, linkService);
    }

    @Override
    public String name() {
        return "sync-link";
    }

    @Override
    public void routes(Javalin app) {
        routes.install(app);
    }

    @Override
    public synchronized void start() {
        linkService.resumeAfterRestart();
        ticker = Executors.newSingleThreadScheduledExecutor(daemon("tandem-sync-link"));
        ticker.scheduleWithFixedDelay(this::pushFields, pushInterval.toMillis(), pushInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(this::keepReconcilesGoing, 0, pushInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        reconciles.shutdownNow();
    }

    /** The sync settings, shared with the FLOW half. */
    public SyncSettingsService settings() {
        return settings;
    }

    /** The node's Salesforce client source, shared with the FLOW half. */
    public SalesforceConnections connections() {
        return connections;
    }

    /** The encrypted Salesforce connection settings (secrets write-only); saving one resets {@link #connections()}. */
    public SalesforceConnectionService connection() {
        return connection;
    }

    /** The prerequisite checks (sync enabled, connection, Marketing User). */
    public SyncDiagnosis diagnosis() {
        return diagnosis;
    }

    /** The campaign picker: linkable Salesforce campaigns with their statuses and links. */
    public CampaignDirectory directory() {
        return directory;
    }

    /** The campaign link table. */
    public CampaignLinkStore links() {
        return links;
    }

    /** Link, unlink, compatibility and status matching. */
    public CampaignLinkService linkService() {
        return linkService;
    }

    private void pushFields() {
        try {
            fieldsPusher.pushPending();
        } catch (RuntimeException e) {
            // The next tick retries; the pending counters are only cleared by a confirmed push.
            LOG.warn("Pushing campaign Type/ActualCost failed: {}", e.toString());
        }
    }

    // Renews this node's running initial reconciles and starts those waiting: new links made while sync was off,
    // and reconciles whose node died (lease ended, or this node's own previous process).
    private void keepReconcilesGoing() {
        try {
            linkService.renewRunningReconciles();
            linkService.resumePendingReconciles();
        } catch (RuntimeException e) {
            LOG.warn("Resuming initial reconciles failed; the next tick retries: {}", e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
