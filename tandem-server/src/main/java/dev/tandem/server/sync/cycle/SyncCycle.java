package dev.tandem.server.sync.cycle;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.server.sync.outbox.MemberKey;
import dev.tandem.server.sync.outbox.OutboxStore;
import dev.tandem.server.sync.pull.CampaignMemberPoller;
import dev.tandem.server.sync.push.CampaignMemberPusher;
import dev.tandem.server.sync.runs.ActiveRun;
import dev.tandem.server.sync.runs.Operation;
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
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;

/**
 * One exchange with Salesforce: push the outbox, then pull changes. Used on demand ({@link #runOnce()}: the API
 * and the CLI) and by the background jobs ({@link #pushInBackground()}, {@link #pollInBackground()}). Pushes
 * from several nodes share the outbox safely (per-member leases); the pull runs on one node at a time under a
 * database lease. Nothing is exchanged while campaign sync is switched off or no connection is configured.
 */
public final class SyncCycle {

    /** Name of the cluster lease that guards the pull. */
    public static final String PULL_LEASE = "campaign-member-pull";
    private static final Duration PULL_LEASE_TTL = Duration.ofMinutes(5);
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

    /** Runs one cycle now (push then pull) and returns its stored report. */
    public RunReport runOnce() {
        Optional<SalesforceClient> client = activeClient();
        if (client.isEmpty()) {
            ActiveRun run = recorder.begin("cycle", () -> 0);
            return recorder.finish(run, RunOutcome.SKIPPED_DISABLED, disabledReason());
        }
        ActiveRun run = recorder.begin("cycle", () -> client.get().usage().clientCalls());
        pushLock.lock();
        try {
            RunOutcome pushed = push(client.get(), run);
            if (pushed != RunOutcome.COMPLETED) {
                return recorder.finish(run, pushed, outcomeNote(pushed));
            }
        } finally {
            pushLock.unlock();
        }
        pullLock.lock();
        try {
            if (!leases.tryAcquire(PULL_LEASE, nodeId, clock.instant(), PULL_LEASE_TTL)) {
                return recorder.finish(run, RunOutcome.SKIPPED_BUSY, "Another node is pulling from Salesforce");
            }
            try {
                return pull(client.get(), run);
            } finally {
                leases.release(PULL_LEASE, nodeId);
            }
        } finally {
            pullLock.unlock();
        }
    }

    /**
     * Pushes due outbox work, if any (the background pusher's step). Returns the stored report, or empty when
     * there was nothing to do, sync is off, or this node is already pushing.
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
            ActiveRun run = recorder.begin("push", () -> client.get().usage().clientCalls());
            RunOutcome outcome = push(client.get(), run);
            return Optional.of(recorder.finish(run, outcome, outcomeNote(outcome)));
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
        if (client.isEmpty() || !pullLock.tryLock()) {
            return Optional.empty();
        }
        try {
            if (!leases.tryAcquire(PULL_LEASE, nodeId, clock.instant(), PULL_LEASE_TTL)) {
                return Optional.empty();
            }
            try {
                ActiveRun run = recorder.begin("pull", () -> client.get().usage().clientCalls());
                RunReport report = pull(client.get(), run);
                if (report.outcome() == RunOutcome.COMPLETED && report.total().nothingCounted()) {
                    recorder.discard(run);
                    return Optional.empty();
                }
                return Optional.of(report);
            } finally {
                leases.release(PULL_LEASE, nodeId);
            }
        } finally {
            pullLock.unlock();
        }
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

    private RunReport pull(SalesforceClient client, ActiveRun run) {
        try {
            poller.poll(client, run);
            return recorder.finish(run, RunOutcome.COMPLETED, null);
        } catch (SalesforceException e) {
            RunOutcome outcome = e.isLimit() ? RunOutcome.STOPPED_BY_LIMIT : RunOutcome.FAILED;
            return recorder.finish(run, outcome, "pull: " + e.errorCode() + ": " + e.errorMessage());
        }
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
