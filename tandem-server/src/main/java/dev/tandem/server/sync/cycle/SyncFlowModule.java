package dev.tandem.server.sync.cycle;

import dev.tandem.server.TandemApp;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.TandemModule;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.mirror.CampaignActivities;
import dev.tandem.server.sync.mirror.MirrorStore;
import dev.tandem.server.sync.outbox.OutboxStore;
import dev.tandem.server.sync.outbox.OutboxWriter;
import dev.tandem.server.sync.pull.CampaignMemberPoller;
import dev.tandem.server.sync.pull.CursorStore;
import dev.tandem.server.sync.pull.PersonResolver;
import dev.tandem.server.sync.pull.PullApplier;
import dev.tandem.server.sync.push.CampaignMemberPusher;
import dev.tandem.server.sync.push.CampaignStatuses;
import dev.tandem.server.sync.reconcile.CampaignReconciler;
import dev.tandem.server.sync.reconcile.FullReconciler;
import dev.tandem.server.sync.reconcile.InitialBulkPush;
import dev.tandem.server.sync.reconcile.ReconcileMode;
import dev.tandem.server.sync.runs.RunRecorder;
import dev.tandem.server.sync.runs.RunStore;
import dev.tandem.server.sync.runs.SyncErrorStore;
import dev.tandem.server.sync.runs.SyncRoutes;
import dev.tandem.server.sync.settings.SyncSettingsService;
import dev.tandem.server.sync.watch.WatchedCampaignPull;
import dev.tandem.server.sync.watch.WatchedCampaignStore;
import dev.tandem.server.sync.watch.WatchedMemberStore;
import io.javalin.Javalin;
import org.jdbi.v3.core.Jdbi;

/**
 * The FLOW half of the campaign sync as a server module: the outbox writer on the membership service, the
 * pusher, the poller, the reconciler, the background jobs and the run/error resources. It reads the settings,
 * the Salesforce connection and the links of the LINK half.
 */
public final class SyncFlowModule implements TandemModule {

    private final SyncCycle cycle;
    private final FullReconciler reconciler;
    private final SyncJobs jobs;
    private final SyncRoutes routes;

    /** Builds the FLOW half over the app's services and the LINK half's settings, connection and links. */
    public SyncFlowModule(TandemApp.Services services, SyncSettingsService settings, SalesforceClientSource clients,
                          CampaignLinkStore links, FlowOptions options) {
        Jdbi jdbi = services.database().jdbi();
        String nodeId = services.nodeId();
        OutboxStore outbox = new OutboxStore();
        MirrorStore mirror = new MirrorStore();
        SyncErrorStore errors = new SyncErrorStore();
        RunStore runs = new RunStore(services.json());
        RunRecorder recorder = new RunRecorder(jdbi, runs, errors, services.clock());
        CampaignActivities activities = new CampaignActivities(services.activityLog());
        CampaignStatuses statuses = new CampaignStatuses();
        CampaignMemberPusher pusher = new CampaignMemberPusher(jdbi, outbox, mirror, links, errors,
                services.activityLog(), statuses, settings, options.push(), services.clock(), nodeId);
        InitialBulkPush bulkPush = new InitialBulkPush(jdbi, mirror, outbox, errors, services.activityLog(), statuses,
                settings, options.reconcile().initialChunk(), options.push().backoff(), services.clock(), nodeId);
        PullApplier applier = new PullApplier(services.people(), services.memberships(), mirror, outbox, errors,
                activities, services.clock());
        WatchedCampaignPull watched = new WatchedCampaignPull(jdbi, links, new WatchedCampaignStore(),
                new WatchedMemberStore(), activities, errors, options.pull().pageSize(), services.clock());
        CampaignMemberPoller poller = new CampaignMemberPoller(jdbi, links, new CursorStore(), applier, watched,
                settings::pullForwardOnly, options.pull(), services.clock());
        this.cycle = new SyncCycle(jdbi, settings, clients, pusher, poller, outbox, errors, recorder,
                new LeaseStore(jdbi), nodeId, services.clock());
        this.reconciler = new FullReconciler(jdbi, clients, links, mirror, outbox, errors, services.memberships(),
                new PersonResolver(services.people(), errors, services.clock()), activities, pusher, bulkPush, recorder,
                options.reconcile(), services.clock());
        this.jobs = new SyncJobs(cycle, settings, reconciler, links, recorder, jdbi,
                services.database().dataSource(), options.jobs(), services.clock());
        services.memberships().addListener(new OutboxWriter(outbox, links, jobs::requestPush));
        settings.onChange(s -> {
            if (s.campaignSyncEnabled()) {
                jobs.requestPush();
            }
        });
        this.routes = new SyncRoutes(jdbi, runs, errors, new Requests(services.json()), cycle::runOnce, cycle::retry,
                programId -> reconciler.reconcile(programId, ReconcileMode.PERIODIC));
    }

    @Override
    public String name() {
        return "sync-flow";
    }

    @Override
    public void routes(Javalin app) {
        routes.install(app);
    }

    @Override
    public void start() {
        cycle.resumeAfterRestart();
        jobs.start();
    }

    @Override
    public void stop() {
        jobs.stop();
    }

    /** One sync cycle on demand (API, CLI). */
    public SyncCycle cycle() {
        return cycle;
    }

    /** The full reconcile (LINK runs it after a link). */
    public CampaignReconciler reconciler() {
        return reconciler;
    }

    /** The background jobs (tests and the periodic reconcile on demand). */
    public SyncJobs jobs() {
        return jobs;
    }
}
