package dev.tandem.server.console;

import dev.tandem.server.TandemApp;
import dev.tandem.server.console.view.WatchedCampaignRow;
import dev.tandem.server.http.TandemModule;
import dev.tandem.server.sync.cycle.CampaignSyncModule;
import dev.tandem.server.sync.cycle.SyncCycle;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.outbox.OutboxStore;
import dev.tandem.server.sync.runs.RunReport;
import dev.tandem.server.sync.runs.RunStore;
import dev.tandem.server.sync.runs.SyncError;
import dev.tandem.server.sync.runs.SyncErrorStore;
import dev.tandem.server.sync.watch.WatchedCampaign;
import dev.tandem.server.sync.watch.WatchedCampaignStore;
import dev.tandem.server.sync.watch.WatchedMemberStore;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FLOW half of the campaign sync as the console uses it: the cycle (run now, retry) from the module the
 * server runs, and read access to run reports, errors, the outbox and watched campaigns through the sync's own
 * stores.
 */
final class FlowServices {

    private final Jdbi jdbi;
    private final SyncCycle cycle;
    private final RunStore runs;
    private final SyncErrorStore errors = new SyncErrorStore();
    private final OutboxStore outbox = new OutboxStore();
    private final WatchedCampaignStore watches = new WatchedCampaignStore();
    private final WatchedMemberStore watchedMembers = new WatchedMemberStore();
    private final CampaignLinkStore links = new CampaignLinkStore();

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

    /**
     * The Salesforce campaigns smart campaigns name (watched), in id order, at most {@code limit}: who names them,
     * how many members Tandem holds for them and when it last pulled them.
     */
    List<WatchedCampaignRow> watchedCampaigns(int limit) {
        return jdbi.withHandle(h -> {
            Map<String, CampaignLink> linked = new HashMap<>();
            links.all(h).forEach(link -> linked.put(key(link.campaignId()), link));
            List<WatchedCampaignRow> rows = new ArrayList<>();
            for (WatchedCampaign watch : watches.all(h).stream().limit(limit).toList()) {
                CampaignLink link = linked.get(watch.campaignKey());
                Instant changed = watchedMembers.lastPulledAt(h, watch.campaignKey());
                rows.add(new WatchedCampaignRow(watch.campaignId(), link == null ? null : link.programId(),
                        link != null && link.campaignName() != null ? link.campaignName() : watch.name(),
                        watches.referencedBy(h, watch.campaignKey()),
                        watchedMembers.count(h, watch.campaignKey()), watch.watchedSince(),
                        later(watch.snapshotAt(), changed), watch.refusedAt(), watch.needsSnapshot()));
            }
            return rows;
        });
    }

    /** How many Salesforce campaigns are watched. */
    long watchedCampaignCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM watched_campaigns").mapTo(Long.class).one());
    }

    // Watches are keyed by the 15-character id, links keep the id as given (15 or 18 characters).
    private static String key(String campaignId) {
        return campaignId.length() <= 15 ? campaignId : campaignId.substring(0, 15);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
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
