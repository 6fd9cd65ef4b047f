package dev.tandem.server.sync.watch;

import dev.tandem.core.activity.Activity;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.ErrorKind;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.server.store.PersonDao;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.mirror.CampaignActivities;
import dev.tandem.server.sync.pull.PullDecision;
import dev.tandem.server.sync.pull.PullRules;
import dev.tandem.server.sync.pull.PulledMember;
import dev.tandem.server.sync.pull.PulledMembers;
import dev.tandem.server.sync.runs.ActiveRun;
import dev.tandem.server.sync.runs.Operation;
import dev.tandem.server.sync.runs.SyncError;
import dev.tandem.server.sync.runs.SyncErrorStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull's part for watched campaigns. Before the poll's query, {@link #prepare} ends orphaned watches, sets
 * aside watches of campaigns now linked to a program, and reads every member of a newly watched campaign (one paged
 * query each, applied silently: a snapshot records the state, it is not a change), then reads the names of the
 * campaigns just read in one more query (none when no full read is due). The poll's single query then
 * covers watched campaigns next to linked ones, and {@link #apply} records their changes: the row, and activity
 * 42/43/44 for a Lead/Contact Tandem knows (unknown ones are kept as rows but create nobody).
 */
public final class WatchedCampaignPull {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedCampaignPull.class);

    private final Jdbi jdbi;
    private final CampaignLinkStore links;
    private final WatchedCampaignStore watches;
    private final WatchedMemberStore members;
    private final CampaignActivities activities;
    private final SyncErrorStore errors;
    private final int pageSize;
    private final Clock clock;
    private final PersonDao people = new PersonDao();

    /** A pull reading {@code pageSize} rows a page for snapshots. */
    public WatchedCampaignPull(Jdbi jdbi, CampaignLinkStore links, WatchedCampaignStore watches,
                               WatchedMemberStore members, CampaignActivities activities, SyncErrorStore errors,
                               int pageSize, Clock clock) {
        this.jdbi = jdbi;
        this.links = links;
        this.watches = watches;
        this.members = members;
        this.activities = activities;
        this.errors = errors;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    /**
     * Readies the watched campaigns for a poll and returns them (15-character key → id to query). Snapshots that
     * are due are taken first. An outage or the API limit propagates (the snapshot is taken again next time); a
     * campaign Salesforce refuses to read becomes an open sync error and is left out until retried.
     */
    public Map<String, String> prepare(SalesforceClient client, ActiveRun run) {
        List<WatchedCampaign> ready = jdbi.inTransaction(tx -> {
            watches.dropAllUnreferenced(tx);
            Set<String> linked = new HashSet<>();
            links.all(tx).forEach(l -> linked.add(key(l.campaignId())));
            List<WatchedCampaign> unlinked = new ArrayList<>();
            for (WatchedCampaign w : watches.all(tx)) {
                if (!linked.contains(w.campaignKey())) {
                    unlinked.add(w);
                } else if (!w.needsSnapshot() || members.count(tx, w.campaignKey()) > 0) {
                    watches.setAsideWhileLinked(tx, w.campaignKey());
                }
            }
            return unlinked;
        });
        Map<String, String> watched = new LinkedHashMap<>();
        List<FullRead> read = new ArrayList<>();
        for (WatchedCampaign w : ready) {
            if (w.refused()) {
                continue;
            }
            if (!w.needsSnapshot()) {
                watched.put(w.campaignKey(), w.campaignId());
                continue;
            }
            try {
                FullRead full = snapshot(client, w);
                read.add(full);
                watched.put(w.campaignKey(), full.spelledId());
            } catch (SalesforceException e) {
                if (e.isLimit() || e.kind() == ErrorKind.RETRYABLE || e.kind() == ErrorKind.AUTH) {
                    throw e;
                }
                refuse(w, e, run);
            }
        }
        if (!read.isEmpty()) {
            Map<String, String> names = names(client, read);
            read.forEach(full -> noteTaken(full, names.get(full.watch().campaignKey())));
        }
        return watched;
    }

    /** A full read whose members are stored, not yet noted as taken (that waits for the campaign's name). */
    private record FullRead(WatchedCampaign watch, String spelledId, Instant started) {
    }

    // Salesforce will not read this campaign (no such id, no access): it is left out so the others keep syncing.
    private void refuse(WatchedCampaign w, SalesforceException e, ActiveRun run) {
        Instant now = clock.instant();
        jdbi.useTransaction(tx -> {
            watches.refuse(tx, w.campaignKey(), now);
            errors.record(tx, run.id(), SyncError.of(Operation.READ_WATCHED, null, null, w.campaignId(),
                    e.errorCode(), null, "Salesforce refused to read the members of campaign " + w.campaignId()
                            + ", which smart campaigns " + watches.referencedBy(tx, w.campaignKey()) + " name: "
                            + e.errorMessage() + "; it is left out of the sync until this error is retried or one of "
                            + "those smart campaigns is saved again", List.of(), now));
        });
        run.tally().failed(Operation.READ_WATCHED);
    }

    /** Reads every current member of the campaign into its rows, learning the id as Salesforce spells it. */
    private FullRead snapshot(SalesforceClient client, WatchedCampaign watch) {
        Instant started = clock.instant();
        String[] spelled = {watch.campaignId()};
        client.query(PulledMembers.ofCampaign(watch.campaignId()), pageSize, page -> {
            List<PulledMember> rows = page.records().stream().map(PulledMembers::parse).toList();
            jdbi.useTransaction(tx -> {
                if (!watches.lockIfWatched(tx, watch.campaignKey())) {
                    return;
                }
                Map<String, WatchedMember> held = members.byIds(tx, rows.stream().map(PulledMember::id).toList());
                List<WatchedMember> puts = new ArrayList<>();
                for (PulledMember row : rows) {
                    WatchedMember before = held.get(row.id());
                    puts.add(seen(row, watch.campaignKey(), before, started));
                    spelled[0] = row.campaignId();
                }
                members.putAll(tx, puts);
            });
        });
        return new FullRead(watch, spelled[0], started);
    }

    /**
     * The names of the campaigns just read in full (15-character key → name), in one query. An outage or the API
     * limit propagates, so those full reads stay due and are taken again with their names next time; any other
     * refusal leaves the names unknown (the console shows the id) rather than stopping the sync.
     */
    private Map<String, String> names(SalesforceClient client, List<FullRead> read) {
        Soql soql = Soql.select("Id", "Name").from("Campaign")
                .where(Cond.in("Id", read.stream().map(FullRead::spelledId).distinct().toList())).build();
        Map<String, String> names = new HashMap<>();
        try {
            client.query(soql, pageSize, page -> {
                for (SObject row : page.records()) {
                    names.put(key(row.getString("Id")), row.getString("Name"));
                }
            });
        } catch (SalesforceException e) {
            if (e.isLimit() || e.kind() == ErrorKind.RETRYABLE || e.kind() == ErrorKind.AUTH) {
                throw e;
            }
            LOG.warn("Salesforce refused to read the names of {} watched campaigns ({}); they are shown by id",
                    read.size(), e.errorCode());
        }
        return names;
    }

    private void noteTaken(FullRead full, String name) {
        String campaignKey = full.watch().campaignKey();
        jdbi.useTransaction(tx -> {
            members.deleteUnseenSince(tx, campaignKey, full.started());
            watches.snapshotTaken(tx, campaignKey, full.spelledId(), name, clock.instant());
            errors.resolveRecord(tx, Operation.READ_WATCHED, full.watch().campaignId(), clock.instant());
        });
    }

    /**
     * Applies the rows of watched campaigns (others are ignored) inside the caller's transaction, in their order:
     * one activity per change Salesforce made for people Tandem knows; echoes of Tandem's own writes and rows
     * already seen write none.
     */
    public void apply(Handle tx, List<PulledMember> rows, Map<String, String> watched, ActiveRun run) {
        List<PulledMember> ours = rows.stream().filter(r -> watched.containsKey(key(r.campaignId()))).toList();
        if (ours.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, WatchedMember> held = members.byIds(tx, ours.stream().map(PulledMember::id).toList());
        Map<String, Long> personBySfId = knownPeople(tx, ours);
        Set<String> changed = new LinkedHashSet<>();
        List<Activity> written = new ArrayList<>();
        for (PulledMember row : ours) {
            WatchedMember before = held.get(row.id());
            PullDecision decision = before == null ? PullRules.decide(row, null, null, null, false)
                    : PullRules.decide(row, before.sfMemberId(), before.sfStatus(), before.sfModstamp(), false);
            Long person = person(row, personBySfId);
            String campaignId = row.campaignId();
            switch (decision) {
                case DUPLICATE, IGNORE, CONFLICT -> {
                    continue;
                }
                case ECHO -> held.put(row.id(), seen(row, key(campaignId), before, now));
                case ADD -> {
                    held.put(row.id(), seen(row, key(campaignId), null, now));
                    if (person != null) {
                        written.add(activities.unlinkedAddition(person, campaignId, row.status(), now));
                        run.tally().created(Operation.PULL_MEMBERS);
                    }
                }
                case CHANGE -> {
                    held.put(row.id(), seen(row, key(campaignId), before, now));
                    if (person != null) {
                        written.add(activities.unlinkedStatusChange(person, campaignId, before.sfStatus(),
                                row.status(), now));
                        run.tally().updated(Operation.PULL_MEMBERS);
                    }
                }
                case REMOVE -> {
                    held.put(row.id(), null);
                    if (person != null) {
                        written.add(activities.unlinkedRemoval(person, campaignId, before.sfStatus(), now));
                        run.tally().removed(Operation.PULL_MEMBERS);
                    }
                }
                default -> throw new IllegalStateException("unhandled pull decision " + decision);
            }
            changed.add(row.id());
        }
        List<String> gone = new ArrayList<>();
        List<WatchedMember> puts = new ArrayList<>();
        for (String id : changed) {
            WatchedMember after = held.get(id);
            if (after == null) {
                gone.add(id);
            } else {
                puts.add(after);
            }
        }
        members.deleteAll(tx, gone);
        members.putAll(tx, puts);
        activities.appendAll(tx, written);
    }

    /** People Tandem knows by the Lead or Contact id of the rows (one query per 1,000 ids). */
    private Map<String, Long> knownPeople(Handle tx, List<PulledMember> rows) {
        Set<String> sfIds = new LinkedHashSet<>();
        for (PulledMember r : rows) {
            if (r.leadId() != null) {
                sfIds.add(r.leadId());
            }
            if (r.contactId() != null) {
                sfIds.add(r.contactId());
            }
        }
        Map<String, Long> found = new HashMap<>();
        List<String> ids = List.copyOf(sfIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            people.find(tx, PersonDao.Key.SFDC_ID, chunk, 0, chunk.size()).forEach(p -> found.put(p.sfdcId(), p.id()));
        }
        return found;
    }

    // After a conversion Salesforce keeps the membership on the Contact; Tandem may still know the Lead.
    private static Long person(PulledMember row, Map<String, Long> personBySfId) {
        Long contact = row.contactId() == null ? null : personBySfId.get(row.contactId());
        return contact != null ? contact : row.leadId() == null ? null : personBySfId.get(row.leadId());
    }

    private static WatchedMember seen(PulledMember row, String campaignKey, WatchedMember before, Instant now) {
        String pushed = before != null && before.sfStatus().equals(row.status()) ? before.lastPushedStatus() : null;
        return new WatchedMember(row.id(), campaignKey, row.leadId(), row.contactId(), row.status(),
                row.systemModstamp(), pushed, now);
    }

    private static String key(String campaignId) {
        return campaignId == null || campaignId.length() < 15 ? campaignId : campaignId.substring(0, 15);
    }
}
