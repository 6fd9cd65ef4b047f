package dev.tandem.server.automation;

import dev.tandem.server.automation.batch.BatchRunner;
import dev.tandem.server.automation.filter.CampaignMemberships;
import dev.tandem.server.automation.filter.FactsLoader;
import dev.tandem.server.automation.flow.FlowExecutor;
import dev.tandem.server.automation.flow.FlowRunStore;
import dev.tandem.server.automation.flow.SalesforceSteps;
import dev.tandem.server.automation.queue.TriggerQueue;
import dev.tandem.server.automation.trigger.TriggerProcessor;
import dev.tandem.server.domain.Timestamps;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.membership.MembershipService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The automation engine of one node: the trigger queue (fed by the activity log inside each writing transaction),
 * the trigger evaluator, the batch starter and the flow executor, driven by one background worker. Several nodes
 * may share one database: all of them claim work with SKIP LOCKED and leases.
 */
public final class AutomationEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AutomationEngine.class);

    /** Events evaluated per transaction. */
    public static final int EVENT_BATCH = 500;
    /** Flow runs leased per pass: a Salesforce step sends them in calls of 200. */
    public static final int RUN_BATCH = 1000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final String node;
    private final TriggerQueue queue = new TriggerQueue();
    private final TriggerProcessor triggers;
    private final BatchRunner batches;
    private final FlowExecutor flows;
    private final FlowRunStore runs = new FlowRunStore();
    private final Duration idlePause;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private Thread worker;
    private volatile boolean running;

    /**
     * Builds the engine under a random node name (benchmarks, tests) and registers its trigger queue with the
     * activity log.
     *
     * @param salesforce runs Salesforce flow actions; null when Salesforce is not configured
     * @param idlePause  how long the worker sleeps when it found no work
     */
    public AutomationEngine(Jdbi jdbi, ActivityLog activityLog, MembershipService memberships, Clock clock,
                            CampaignMemberships campaignMemberships, SalesforceSteps salesforce, Duration idlePause) {
        this(jdbi, activityLog, memberships, clock, ZoneOffset.UTC, campaignMemberships, salesforce, idlePause,
                "node-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * Builds the engine in a subscription time zone (wait times, date tokens, recurrences) and registers its trigger
     * queue with the activity log.
     *
     * @param salesforce runs Salesforce flow actions; null when Salesforce is not configured
     * @param idlePause  how long the worker sleeps when it found no work
     * @param node       this node's name on the flow runs it leases (see {@link #resumeAfterRestart()})
     */
    public AutomationEngine(Jdbi jdbi, ActivityLog activityLog, MembershipService memberships, Clock clock,
                            ZoneId zone, CampaignMemberships campaignMemberships, SalesforceSteps salesforce,
                            Duration idlePause, String node) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.node = node;
        this.idlePause = idlePause;
        FactsLoader facts = new FactsLoader(campaignMemberships);
        this.triggers = new TriggerProcessor(jdbi, clock, queue, facts);
        this.batches = new BatchRunner(jdbi, clock, zone, facts);
        this.flows = new FlowExecutor(jdbi, clock, zone, node, Duration.ofMinutes(5), facts, memberships, salesforce);
        activityLog.addListener(queue);
    }

    /** The trigger queue, for code that writes activities with extra trigger context. */
    public TriggerQueue queue() {
        return queue;
    }

    /**
     * Takes back the flow runs this node's previous process leased when it died, so that a node restarted under its
     * fixed name continues them at once rather than after the lease. Events and batch runs need nothing: they are
     * held by row locks, which ended with the dead process's connections. Call once at start, before any pass.
     */
    public void resumeAfterRestart() {
        int released = jdbi.inTransaction(h -> runs.releaseClaimsOf(h, node));
        if (released > 0) {
            LOG.info("Node {} took back {} flow runs of its previous run", node, released);
        }
    }

    /** One pass over all kinds of work; returns how much work it found (0 when idle). */
    public int runOnce() {
        int work = triggers.processBatch(EVENT_BATCH);
        work += batches.startDue();
        work += flows.executeDue(RUN_BATCH);
        return work;
    }

    /** Runs passes until there is nothing left to do now (waiting runs stay); for tests, benchmarks and the CLI. */
    public void drain() {
        while (runOnce() > 0 || hasDueWork()) {
            Thread.onSpinWait();
        }
    }

    /** Whether events wait to be evaluated or runs are due. */
    public boolean hasDueWork() {
        return jdbi.withHandle(h -> queue.pending(h) > 0 || runs.anyDue(h, Timestamps.now(clock)));
    }

    /** Starts the background worker. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "automation-" + node);
        worker.setDaemon(true);
        worker.start();
    }

    /** Asks the worker to look for work now instead of at the end of its pause. */
    public void nudge() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the worker and waits for its current pass to end. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        nudge();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (running) {
            int work = 0;
            try {
                work = runOnce();
            } catch (RuntimeException e) {
                LOG.warn("Automation pass failed; retrying after a pause", e);
            }
            if (work == 0 && running) {
                lock.lock();
                try {
                    wake.await(idlePause.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}
