package dev.tandem.server.sync.cycle;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.server.sync.outbox.MemberKey;
import dev.tandem.server.sync.outbox.OutboxStore;
import dev.tandem.server.sync.pull.CampaignMemberPoller;
import dev.tandem.server.sync.push.CampaignMemberPusher;
import dev.tandem.server.sync.runs.ActiveRun;
import dev.tandem.server.sync.runs.Operation;
import dev.tandem.server.sync.runs.OperationCounts;
import dev.tandem.server.sync.runs.RunOutcome;
import dev.tandem.server.sync.runs.RunRecorder;
import dev.tandem.server.sync.runs.RunReport;
import dev.tandem.server.sync.runs.SyncError;
import dev.tandem.server.sync.runs.SyncErrorStore;
import dev.tandem.server.sync.settings.SyncSettingsService;
import dev.tandem.server.sync.watch.WatchedCampaignStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One exchange with Salesforce: pull changes, then push the outbox. Used on demand ({@link #runOnce()}: the API
 * and the CLI) and by the background jobs ({@link #pushInBackground()}, {@link #pollInBackground()}). Pushes
 * from several nodes share the outbox safely (per-member leases); the pull runs on one node at a time under a
 * database lease. Nothing is exchanged while campaign sync is switched off or no connection is configured.
 */
public final class SyncCycle {

    /** Name of the cluster lease that guards the pull. */
    public static final String PULL_LEASE = "campaign-member-pull";
    private static final Logger LOG = LoggerFactory.getLogger(SyncCycle.class);
    private static final Duration PULL_LEASE_TTL = Duration.ofMinutes(5);
    /**
     * The most outbox rows on members Salesforce holds for which a background push pulls first: the changes people
     * make one by one. A bigger batch (an import, a bulk status move) is pushed at once, so its API calls stay
     * ceil(N/200); a conflict in it is counted only when a cycle's pull sees it first.
     */
    static final int PULL_FIRST_MAX = 200;
    private static final Set<Operation> PUSH_OPERATIONS =
            EnumSet.of(Operation.PUSH_LEADS, Operation.PUSH_STATUSES, Operation.PUSH_MEMBERS);

    private final Jdbi jdbi;
    private final SyncSettingsService settings;
    private final SalesforceClientSource clients;
    private final CampaignMemberPusher pusher;
    private final CampaignMemberPoller poller;
    private final OutboxStore outbox;
    private final SyncErrorStore errors;
    private final RunRecorder recorder;
    private final LeaseStore leases;
    private final String nodeId;
    private final Clock clock;
    private final WatchedCampaignStore watches = new WatchedCampaignStore();
    private final ReentrantLock pushLock = new ReentrantLock();
    private final ReentrantLock pullLock = new ReentrantLock();
    private final AtomicLong lastPull = new AtomicLong();

    /** A cycle over these parts; {@code nodeId} names this node in leases. */
    public SyncCycle(Jdbi jdbi, SyncSettingsService settings, SalesforceClientSource clients,
                     CampaignMemberPusher pusher, CampaignMemberPoller poller, OutboxStore outbox,
                     SyncErrorStore errors, RunRecorder recorder, LeaseStore leases, String nodeId, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clients = clients;
        this.pusher = pusher;
        this.poller = poller;
        this.outbox = outbox;
        this.errors = errors;
        this.recorder = recorder;
        this.leases = leases;
        this.nodeId = nodeId;
        this.clock = clock;
    }

    /**
     * Takes back the work this node's previous run held when it died (outbox claims, the pull lease, Lead intents), so that a
     * node restarted under its fixed name resumes at once. Call once at start, before any background work.
     */
    public void resumeAfterRestart() {
        int claims = jdbi.inTransaction(h -> outbox.releaseClaimsOf(h, nodeId));
        int held = leases.releaseAllOf(nodeId);
        int intents = pusher.resumeAfterRestart();
        if (claims + held + intents > 0) {
            LOG.info("Node {} took back {} outbox rows, {} leases and {} Lead intents of its previous run", nodeId,
                    claims, held, intents);
        }
    }

    /**
     * Runs one cycle now and returns its stored report. The pull comes first: a member that Salesforce changed
     * while it also waits in the outbox is then seen as a conflict (counted, Tandem wins) before the push
     * overwrites Salesforce's change. A pull stopped by the API limit ends the cycle; a pull that failed otherwise
     * still lets the push run (its records follow their own backoff), and the report keeps the pull's failure.
     */
    public RunReport runOnce() {
        Optional<SalesforceClient> client = activeClient();
        if (client.isEmpty()) {
            ActiveRun run = recorder.begin("cycle", () -> 0);
            return recorder.finish(run, RunOutcome.SKIPPED_DISABLED, disabledReason());
        }
        ActiveRun run = recorder.begin("cycle", () -> client.get().usage().clientCalls());
        PullStep pulled = pull(client.get(), run, true);
        if (pulled.outcome() == RunOutcome.STOPPED_BY_LIMIT) {
            return recorder.finish(run, pulled.outcome(), pulled.note());
        }
        pushLock.lock();
        try {
            return finishPushAfterPull(run, pulled, push(client.get(), run));
        } finally {
            pushLock.unlock();
        }
    }

    /**
     * Pushes due outbox work, if any (the background pusher's step, also run right after local changes). When
     * that work touches members Salesforce holds (at most {@link #PULL_FIRST_MAX} rows), it first pulls (the one
     * query of a poll, which restarts the poll interval), so that a change Salesforce made to such a member is
     * seen and counted as a conflict before Tandem's push overwrites it; the pull is skipped while another node
     * or thread is pulling. Returns the
     * stored report, or empty when there was nothing to do, sync is off, or this node is already pushing.
     */
    public Optional<RunReport> pushInBackground() {
        Optional<SalesforceClient> client = activeClient();
        if (client.isEmpty() || !jdbi.withHandle(h -> outbox.hasDueWork(h, clock.instant()))) {
            return Optional.empty();
        }
        if (!pushLock.tryLock()) {
            return Optional.empty();
        }
        try {
            int held = jdbi.withHandle(h -> outbox.dueWorkOnHeldMembers(h, clock.instant(), PULL_FIRST_MAX + 1));
            boolean pullFirst = held > 0 && held <= PULL_FIRST_MAX;
            ActiveRun run = recorder.begin(pullFirst ? "cycle" : "push", () -> client.get().usage().clientCalls());
            PullStep pulled = pullFirst ? pull(client.get(), run, false) : PullStep.DONE;
            if (pulled.outcome() == RunOutcome.STOPPED_BY_LIMIT) {
                return Optional.of(recorder.finish(run, pulled.outcome(), pulled.note()));
            }
            RunOutcome pushed = push(client.get(), run);
            PullStep relevant = pulled.outcome() == RunOutcome.SKIPPED_BUSY ? PullStep.DONE : pulled;
            return Optional.of(finishPushAfterPull(run, relevant, pushed));
        } finally {
            pushLock.unlock();
        }
    }

    /**
     * Polls Salesforce once (the background poller's step) if this node gets the pull lease. A poll that found
     * nothing is not stored as a run. Returns the stored report, if any.
     */
    public Optional<RunReport> pollInBackground() {
        Optional<SalesforceClient> client = activeClient();
        if (client.isEmpty()) {
            return Optional.empty();
        }
        ActiveRun run = recorder.begin("pull", () -> client.get().usage().clientCalls());
        PullStep pulled = pull(client.get(), run, false);
        if (pulled.outcome() == RunOutcome.SKIPPED_BUSY
                || pulled.outcome() == RunOutcome.COMPLETED && run.tally().snapshot().values().stream()
                .allMatch(OperationCounts::nothingCounted)) {
            recorder.discard(run);
            return Optional.empty();
        }
        return Optional.of(recorder.finish(run, pulled.outcome(), pulled.note()));
    }

    /** When a pull last completed on this node (epoch millis; 0 before the first), by any of the steps. */
    public long lastPullMillis() {
        return lastPull.get();
    }

    /**
     * Retries open errors (the given ids, or every open one when {@code ids} is empty): failed pushes are made
     * due and pushed now, failed pulled records are read again and re-applied, refused reads of watched campaigns
     * are made due for the next poll. Returns the stored report; an
     * error that still fails stays open with its attempt count raised.
     */
    public RunReport retry(Collection<Long> ids) {
        List<SyncError> chosen = jdbi.withHandle(h -> ids.isEmpty() ? errors.open(h, 10_000)
                : errors.byIds(h, ids)).stream().filter(SyncError::isOpen).toList();
        Optional<SalesforceClient> client = activeClient();
        if (client.isEmpty()) {
            ActiveRun run = recorder.begin("retry", () -> 0);
            return recorder.finish(run, RunOutcome.SKIPPED_DISABLED, disabledReason());
        }
        ActiveRun run = recorder.begin("retry", () -> client.get().usage().clientCalls());
        List<String> pulledRecords = new ArrayList<>();
        jdbi.useTransaction(h -> {
            for (SyncError error : chosen) {
                if (PUSH_OPERATIONS.contains(error.operation()) && error.programId() != null
                        && error.personId() != null) {
                    MemberKey member = new MemberKey(error.programId(), error.personId());
                    if (outbox.makeDue(h, member, clock.instant()) == 0) {
                        // Nothing waits any more for this member (a later change went through).
                        errors.resolveMember(h, PUSH_OPERATIONS, member.programId(), member.personId(),
                                clock.instant());
                    }
                } else if (error.operation() == Operation.READ_WATCHED) {
                    // The campaign's full read is due again and the next poll makes it; nothing to do if it is
                    // no longer watched.
                    if (!watches.retryRefused(h, error.sfRecordId())) {
                        errors.resolveRecord(h, Operation.READ_WATCHED, error.sfRecordId(), clock.instant());
                    }
                } else if (error.sfRecordId() != null) {
                    pulledRecords.add(error.sfRecordId());
                }
            }
        });
        pushLock.lock();
        try {
            RunOutcome outcome = push(client.get(), run);
            if (outcome == RunOutcome.COMPLETED && !pulledRecords.isEmpty()) {
                poller.retry(client.get(), run, pulledRecords);
            }
            return recorder.finish(run, outcome, outcomeNote(outcome));
        } catch (SalesforceException e) {
            return recorder.finish(run, e.isLimit() ? RunOutcome.STOPPED_BY_LIMIT : RunOutcome.FAILED,
                    e.errorCode() + ": " + e.errorMessage());
        } finally {
            pushLock.unlock();
        }
    }

    private RunOutcome push(SalesforceClient client, ActiveRun run) {
        try {
            return pusher.drain(client, run);
        } catch (SalesforceException e) {
            return e.isLimit() ? RunOutcome.STOPPED_BY_LIMIT : RunOutcome.FAILED;
        }
    }

    /** What a pull step came to: COMPLETED, SKIPPED_BUSY (another pull holds the lock or lease), or a failure. */
    private record PullStep(RunOutcome outcome, String note) {
        static final PullStep DONE = new PullStep(RunOutcome.COMPLETED, null);
    }

    /** Pulls under this node's pull lock and the cluster lease; {@code wait} waits for the lock of this node. */
    private PullStep pull(SalesforceClient client, ActiveRun run, boolean wait) {
        if (wait) {
            pullLock.lock();
        } else if (!pullLock.tryLock()) {
            return new PullStep(RunOutcome.SKIPPED_BUSY, "This node is already pulling from Salesforce");
        }
        try {
            if (!leases.tryAcquire(PULL_LEASE, nodeId, clock.instant(), PULL_LEASE_TTL)) {
                return new PullStep(RunOutcome.SKIPPED_BUSY, "Another node is pulling from Salesforce");
            }
            try {
                poller.poll(client, run);
                lastPull.set(clock.millis());
                return PullStep.DONE;
            } catch (SalesforceException e) {
                return new PullStep(e.isLimit() ? RunOutcome.STOPPED_BY_LIMIT : RunOutcome.FAILED,
                        "pull: " + e.errorCode() + ": " + e.errorMessage());
            } finally {
                leases.release(PULL_LEASE, nodeId);
            }
        } finally {
            pullLock.unlock();
        }
    }

    /** The report of a pull followed by a push: the pull's failure or busy note if it had one, else the push's. */
    private RunReport finishPushAfterPull(ActiveRun run, PullStep pulled, RunOutcome pushed) {
        if (pulled.outcome() != RunOutcome.COMPLETED) {
            return recorder.finish(run, pulled.outcome(), pulled.note());
        }
        return recorder.finish(run, pushed, outcomeNote(pushed));
    }

    private Optional<SalesforceClient> activeClient() {
        if (!settings.campaignSyncEnabled()) {
            return Optional.empty();
        }
        return clients.client();
    }

    private String disabledReason() {
        return settings.campaignSyncEnabled() ? "No Salesforce connection is configured"
                : "Campaign sync is switched off";
    }

    private static String outcomeNote(RunOutcome outcome) {
        return switch (outcome) {
            case STOPPED_BY_LIMIT -> "Salesforce's API limit or Tandem's budget stopped the run; pending work waits";
            case FAILED -> "Salesforce could not be reached; failed records wait for their next attempt";
            default -> null;
        };
    }
}
