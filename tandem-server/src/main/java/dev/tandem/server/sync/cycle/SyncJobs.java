package dev.tandem.server.sync.cycle;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.reconcile.CampaignReconciler;
import dev.tandem.server.sync.reconcile.ReconcileMode;
import dev.tandem.server.sync.runs.RunRecorder;
import dev.tandem.server.sync.settings.SyncSettingsService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync's background work on every node. The pusher runs shortly after a local change is committed (a burst
 * is gathered for {@code debounce}) and on a steady tick; the poller runs every poll interval of the settings;
 * the periodic reconcile and the purge of old runs are db-scheduler recurring tasks, so each runs on one node of
 * the cluster at a time.
 */
public final class SyncJobs {

    private static final Logger LOG = LoggerFactory.getLogger(SyncJobs.class);

    /** Timing of the background work. */
    public record Options(Duration debounce, Duration pushTick, Duration reconcileEvery, Duration purgeEvery,
                          Duration schedulerPolling) {

        /** 200 ms debounce, a 1 s push tick, a full reconcile every 6 hours, a daily purge. */
        public static final Options DEFAULT = new Options(Duration.ofMillis(200), Duration.ofSeconds(1),
                Duration.ofHours(6), Duration.ofDays(1), Duration.ofSeconds(10));
    }

    private final SyncCycle cycle;
    private final SyncSettingsService settings;
    private final CampaignReconciler reconciler;
    private final CampaignLinkStore links;
    private final RunRecorder recorder;
    private final Jdbi jdbi;
    private final DataSource dataSource;
    private final Options options;
    private final Clock clock;
    private final AtomicBoolean pushRequested = new AtomicBoolean();
    private final AtomicLong lastPoll = new AtomicLong(0);
    private volatile ScheduledExecutorService executor;
    private Scheduler scheduler;

    /** Jobs driving {@code cycle}; {@code dataSource} holds db-scheduler's table. */
    public SyncJobs(SyncCycle cycle, SyncSettingsService settings, CampaignReconciler reconciler,
                    CampaignLinkStore links, RunRecorder recorder, Jdbi jdbi, DataSource dataSource, Options options,
                    Clock clock) {
        this.cycle = cycle;
        this.settings = settings;
        this.reconciler = reconciler;
        this.links = links;
        this.recorder = recorder;
        this.jdbi = jdbi;
        this.dataSource = dataSource;
        this.options = options;
        this.clock = clock;
    }

    /** Asks for a push soon (after the debounce); cheap and safe to call from any thread, e.g. after a commit. */
    public void requestPush() {
        ScheduledExecutorService running = executor;
        if (running == null || running.isShutdown() || !pushRequested.compareAndSet(false, true)) {
            // Not started or stopped: the outbox keeps the work for the next start or cycle.
            return;
        }
        try {
            running.schedule(this::pushNow, options.debounce().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            pushRequested.set(false);
        }
    }

    /** Starts the background work. */
    public synchronized void start() {
        executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "tandem-sync");
            t.setDaemon(true);
            return t;
        });
        long tick = options.pushTick().toMillis();
        executor.scheduleWithFixedDelay(this::pushNow, tick, tick, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::pollIfDue, 250, 250, TimeUnit.MILLISECONDS);
        RecurringTask<Void> reconcile = Tasks.recurring("campaign-sync-reconcile", FixedDelay.of(options.reconcileEvery()))
                .execute((instance, context) -> reconcileAll());
        RecurringTask<Void> purge = Tasks.recurring("campaign-sync-purge", FixedDelay.of(options.purgeEvery()))
                .execute((instance, context) -> recorder.purgeExpired());
        scheduler = Scheduler.create(dataSource).startTasks(reconcile, purge).threads(1)
                .pollingInterval(options.schedulerPolling()).build();
        scheduler.start();
    }

    /** Stops the background work, letting a running step finish. */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reconciles every linked, unpaused program (the periodic drift repair). */
    public void reconcileAll() {
        if (!settings.campaignSyncEnabled()) {
            return;
        }
        List<CampaignLink> active = jdbi.withHandle(links::active);
        for (CampaignLink link : active) {
            try {
                reconciler.reconcile(link.programId(), ReconcileMode.PERIODIC);
            } catch (RuntimeException e) {
                LOG.warn("Periodic reconcile of program {} failed: {}", link.programId(), e.getMessage());
            }
        }
    }

    private void pushNow() {
        pushRequested.set(false);
        try {
            cycle.pushInBackground();
        } catch (RuntimeException e) {
            LOG.warn("Background push failed; the outbox keeps the work: {}", e.getMessage());
        }
    }

    private void pollIfDue() {
        try {
            long now = clock.millis();
            long interval = Duration.ofSeconds(settings.current().pollIntervalSeconds()).toMillis();
            // A pull made by a push (see SyncCycle#pushInBackground) counts as this interval's poll.
            if (now - Math.max(lastPoll.get(), cycle.lastPullMillis()) < interval) {
                return;
            }
            lastPoll.set(now);
            cycle.pollInBackground();
        } catch (RuntimeException e) {
            LOG.warn("Background poll failed; the cursor stays where it was: {}", e.getMessage());
        }
    }
}
