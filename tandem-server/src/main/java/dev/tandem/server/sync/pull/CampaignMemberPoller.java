package dev.tandem.server.sync.pull;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.query.QueryPage;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.runs.ActiveRun;
import dev.tandem.server.sync.watch.WatchedCampaignPull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Pulls Salesforce's CampaignMember changes: ONE queryAll over every linked, unpaused campaign and every watched
 * campaign (deletions come back with IsDeleted), read from the cursor minus an overlap, oldest change first, page by
 * page. Each page is applied and the cursor moved in one transaction, so a failure leaves the cursor where the last
 * committed page put it. A poll with nothing new costs exactly one API call while the campaigns fit one query
 * ({@link Options#campaignsPerQuery()}); with no linked or watched campaign it costs none. A newly watched campaign
 * costs one full read first (see {@link WatchedCampaignPull}).
 */
public final class CampaignMemberPoller {

    /** Name of the cursor row of this pull. */
    public static final String CURSOR = "campaign-members";

    /** Tuning of the pull. */
    public record Options(Duration overlap, int pageSize, int campaignsPerQuery) {

        /** One minute of overlap, 2,000 rows a page, 300 campaign ids in one query. */
        public static final Options DEFAULT = new Options(Duration.ofMinutes(1), 2000, 300);
    }

    private final Jdbi jdbi;
    private final CampaignLinkStore links;
    private final CursorStore cursors;
    private final PullApplier applier;
    private final WatchedCampaignPull watched;
    private final BooleanSupplier pullForwardOnly;
    private final Options options;
    private final Clock clock;

    /** A poller applying rows through {@code applier}. */
    public CampaignMemberPoller(Jdbi jdbi, CampaignLinkStore links, CursorStore cursors, PullApplier applier,
                                WatchedCampaignPull watched, BooleanSupplier pullForwardOnly, Options options,
                                Clock clock) {
        this.jdbi = jdbi;
        this.links = links;
        this.cursors = cursors;
        this.applier = applier;
        this.watched = watched;
        this.pullForwardOnly = pullForwardOnly;
        this.options = options;
        this.clock = clock;
    }

    /** Pulls every change since the cursor. Salesforce failures propagate (the cursor stays where it was). */
    public void poll(SalesforceClient client, ActiveRun run) {
        Map<String, CampaignLink> active = activeLinks();
        Map<String, String> watching = watched.prepare(client, run);
        if (active.isEmpty() && watching.isEmpty()) {
            return;
        }
        Set<String> campaignIds = new LinkedHashSet<>(active.keySet());
        campaignIds.addAll(watching.values());
        Instant started = clock.instant();
        PullCursor start = jdbi.withHandle(h -> cursors.load(h, CURSOR));
        boolean window = start.needsWindow(options.overlap());
        Instant from = start.readFrom(options.overlap());
        List<List<String>> chunks = chunk(campaignIds, options.campaignsPerQuery());
        boolean single = chunks.size() == 1;
        PullCursor lowest = null;
        for (List<String> campaigns : chunks) {
            PullCursor[] cursor = {start};
            // Once settled, every row at the mark's own second was read by the window read: read strictly after it.
            client.queryAll(PulledMembers.changedSince(campaigns, from, window), options.pageSize(), page ->
                    cursor[0] = applyPage(page, active, watching, cursor[0], single, started, run));
            lowest = lowest == null || cursor[0].highWater().isBefore(lowest.highWater()) ? cursor[0] : lowest;
        }
        // With several queries a later one may still hold older rows: the mark moves once all are applied.
        PullCursor reached = single ? lowest : start.advancedTo(lowest.highWater(), started);
        PullCursor saved = window ? reached.windowRead(started) : reached;
        if (!saved.equals(start)) {
            jdbi.useTransaction(h -> cursors.save(h, CURSOR, saved, clock.instant()));
        }
    }

    /** Re-reads and re-applies the CampaignMembers of open pull errors (one query for all of them). */
    public int retry(SalesforceClient client, ActiveRun run, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return 0;
        }
        Map<String, CampaignLink> active = activeLinks();
        int[] applied = {0};
        for (List<String> ids : chunk(memberIds, 300)) {
            client.queryAll(PulledMembers.byIds(ids), options.pageSize(), page -> {
                List<PulledMember> rows = page.records().stream().map(PulledMembers::parse).toList();
                jdbi.useTransaction(tx -> applier.apply(tx, rows, active, pullForwardOnly.getAsBoolean(), run));
                applied[0] += rows.size();
            });
        }
        return applied[0];
    }

    private PullCursor applyPage(QueryPage page, Map<String, CampaignLink> active, Map<String, String> watching,
                                 PullCursor cursor, boolean save, Instant started, ActiveRun run) {
        List<PulledMember> rows = page.records().stream().map(PulledMembers::parse).toList();
        Instant newest = rows.stream().map(PulledMember::systemModstamp).filter(t -> t != null)
                .max(Instant::compareTo).orElse(null);
        PullCursor next = cursor.advancedTo(newest, started);
        jdbi.useTransaction(tx -> {
            applier.apply(tx, rows, active, pullForwardOnly.getAsBoolean(), run);
            watched.apply(tx, rows, watching, run);
            if (save && !next.equals(cursor)) {
                cursors.save(tx, CURSOR, next, clock.instant());
            }
        });
        return next;
    }

    private Map<String, CampaignLink> activeLinks() {
        Map<String, CampaignLink> byCampaign = new LinkedHashMap<>();
        jdbi.useHandle(h -> links.active(h).forEach(l -> byCampaign.put(l.campaignId(), l)));
        return byCampaign;
    }

    private static List<List<String>> chunk(Collection<String> values, int size) {
        List<String> all = List.copyOf(values);
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }
}
