package dev.tandem.server.console;

import dev.tandem.server.TandemApp;
import dev.tandem.server.http.TandemModule;
import dev.tandem.server.sync.cycle.CampaignSyncModule;
import dev.tandem.server.sync.cycle.SyncCycle;
import dev.tandem.server.sync.outbox.OutboxStore;
import dev.tandem.server.sync.runs.RunReport;
import dev.tandem.server.sync.runs.RunStore;
import dev.tandem.server.sync.runs.SyncError;
import dev.tandem.server.sync.runs.SyncErrorStore;
import org.jdbi.v3.core.Jdbi;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The FLOW half of the campaign sync as the console uses it: the cycle (run now, retry) from the module the
 * server runs, and read access to run reports, errors and the outbox through the sync's own stores.
 */
final class FlowServices {

    private final Jdbi jdbi;
    private final SyncCycle cycle;
    private final RunStore runs;
    private final SyncErrorStore errors = new SyncErrorStore();
    private final OutboxStore outbox = new OutboxStore();

    private FlowServices(TandemApp.Services services, SyncCycle cycle) {
        this.jdbi = services.database().jdbi();
        this.cycle = cycle;
        this.runs = new RunStore(services.json());
    }

    /** The flow's services when the campaign sync module is among {@code peers}. */
    static Optional<FlowServices> find(TandemApp.Services services, List<TandemModule> peers) {
        return peers.stream().filter(CampaignSyncModule.class::isInstance).map(CampaignSyncModule.class::cast)
                .findFirst().map(module -> new FlowServices(services, module.flow().cycle()));
    }

    /** The latest runs, newest first. */
    List<RunReport> recentRuns(int limit) {
        return jdbi.withHandle(h -> runs.page(h, Long.MAX_VALUE, limit));
    }

    /** Errors before {@code beforeId}, newest first; only unresolved ones when {@code openOnly}. */
    List<SyncError> errors(boolean openOnly, long beforeId, int limit) {
        return jdbi.withHandle(h -> errors.page(h, openOnly, beforeId, limit));
    }

    /** How many errors wait for a fix or a retry. */
    long openErrorCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sync_errors WHERE resolved_at IS NULL")
                .mapTo(Long.class).one());
    }

    /** Member changes waiting to be pushed to Salesforce. */
    long pendingPushes() {
        return jdbi.withHandle(outbox::countPending);
    }

    /** Runs one cycle now (push then pull). */
    RunReport runOnce() {
        return cycle.runOnce();
    }

    /** Retries the given errors (all open ones when empty). */
    RunReport retry(Collection<Long> ids) {
        return cycle.retry(ids);
    }
}
