package dev.tandem.server.sync.push;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.person.Person;
import dev.tandem.core.person.SfdcType;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.write.RecordError;
import dev.tandem.salesforce.write.SaveResult;
import dev.tandem.salesforce.write.WriteOperation;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.store.ChannelDao;
import dev.tandem.server.store.PersonDao;
import dev.tandem.server.store.ProgramDao;
import dev.tandem.server.store.StoredChannel;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.lead.LeadCreator;
import dev.tandem.server.sync.lead.LeadOrigin;
import dev.tandem.server.sync.lead.LeadResults;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.mirror.CampaignActivities;
import dev.tandem.server.sync.mirror.CampaignActivities.Side;
import dev.tandem.server.sync.mirror.MirrorRow;
import dev.tandem.server.sync.mirror.MirrorStore;
import dev.tandem.server.sync.outbox.Backoff;
import dev.tandem.server.sync.outbox.Coalescer;
import dev.tandem.server.sync.outbox.MemberKey;
import dev.tandem.server.sync.outbox.OutboxEntry;
import dev.tandem.server.sync.outbox.OutboxStore;
import dev.tandem.server.sync.outbox.PendingPush;
import dev.tandem.server.sync.runs.ActiveRun;
import dev.tandem.server.sync.runs.Operation;
import dev.tandem.server.sync.runs.RunOutcome;
import dev.tandem.server.sync.runs.SyncError;
import dev.tandem.server.sync.runs.SyncErrorStore;
import dev.tandem.server.sync.settings.SyncSettingsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the outbox to Salesforce. Each round claims the due work of a batch of members, folds each member's
 * rows into its final desired state, creates the Leads that are missing (through {@link LeadCreator}, crash safe),
 * makes sure the statuses exist, then
 * deletes, updates and inserts CampaignMembers in as few calls as possible (the client picks Collections or Bulk
 * 2.0 by size). Every per-record result is settled in the database: success updates the mirror, writes one
 * campaign activity and deletes the outbox rows; failure keeps the rows with a backoff and opens a sync error.
 * Network calls happen between short transactions, never inside one.
 */
public final class CampaignMemberPusher {

    /** Tuning of the pusher. */
    public record Options(int membersPerBatch, Duration lease, Backoff backoff) {

        /** 2,000 members a round, a 5-minute lease, the default backoff. */
        public static final Options DEFAULT = new Options(2000, Duration.ofMinutes(5), Backoff.DEFAULT);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CampaignMemberPusher.class);
    /** How long members wait whose person's Lead another creator is making right now. */
    static final Duration BUSY_LEAD_WAIT = Duration.ofSeconds(5);
    private static final List<Operation> PUSH_OPERATIONS =
            List.of(Operation.PUSH_LEADS, Operation.PUSH_STATUSES, Operation.PUSH_MEMBERS);

    private final Jdbi jdbi;
    private final OutboxStore outbox;
    private final MirrorStore mirror;
    private final CampaignLinkStore links;
    private final SyncErrorStore errors;
    private final PersonDao people;
    private final ProgramDao programs;
    private final ChannelDao channels;
    private final CampaignActivities activities;
    private final CampaignStatuses statuses;
    private final LeadCreator leads;
    private final Options options;
    private final Clock clock;
    private final String nodeId;

    /** A pusher claiming outbox work as {@code nodeId}. */
    public CampaignMemberPusher(Jdbi jdbi, OutboxStore outbox, MirrorStore mirror, CampaignLinkStore links,
                                SyncErrorStore errors, ActivityLog activityLog, CampaignStatuses statuses,
                                SyncSettingsService settings, Options options, Clock clock, String nodeId) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.mirror = mirror;
        this.links = links;
        this.errors = errors;
        this.people = new PersonDao();
        this.programs = new ProgramDao();
        this.channels = new ChannelDao();
        this.activities = new CampaignActivities(activityLog);
        this.statuses = statuses;
        this.leads = new LeadCreator(jdbi, settings, activityLog, clock, nodeId);
        this.options = options;
        this.clock = clock;
        this.nodeId = nodeId;
    }

    /**
     * Pushes due work until none is left. Returns STOPPED_BY_LIMIT when Salesforce's limit or Tandem's budget
     * stopped it: the work not yet written stays pending, without a failure recorded.
     */
    public RunOutcome drain(SalesforceClient client, ActiveRun run) {
        return drain(client, run, options.membersPerBatch());
    }

    /** Frees the Lead intents this node's previous process held when it died (see LeadCreator). */
    public int resumeAfterRestart() {
        return leads.resumeAfterRestart();
    }

    /** As {@link #drain(SalesforceClient, ActiveRun)} with another batch size (a reconcile pushes in bulk). */
    public RunOutcome drain(SalesforceClient client, ActiveRun run, int membersPerBatch) {
        while (true) {
            List<OutboxEntry> claimed = jdbi.inTransaction(h -> outbox.claim(h, nodeId, clock.instant(),
                    options.lease(), membersPerBatch));
            if (claimed.isEmpty()) {
                return RunOutcome.COMPLETED;
            }
            long started = System.nanoTime();
            Round round = new Round(client, run, Coalescer.coalesce(claimed));
            try {
                round.push();
                if (round.paused == round.pushes.size()) {
                    // Only paused links are left: they wait until campaign sync is switched back on.
                    return RunOutcome.COMPLETED;
                }
            } catch (SalesforceException e) {
                if (e.isLimit()) {
                    round.releaseUnsettled();
                    return RunOutcome.STOPPED_BY_LIMIT;
                }
                round.failUnsettled(e);
            } catch (RuntimeException e) {
                round.releaseUnsettled();
                throw e;
            } finally {
                round.releaseUnsettled();
                LOG.debug("Pushed {} members in {} ms", round.pushes.size(), (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    /** One claimed batch being pushed; remembers which members are settled so the rest can be released. */
    private final class Round {
        private final SalesforceClient client;
        private final ActiveRun run;
        private final Map<MemberKey, PendingPush> pushes = new LinkedHashMap<>();
        private final Set<MemberKey> settled = new LinkedHashSet<>();
        private final Map<Long, CampaignLink> linkOf = new HashMap<>();
        private final Map<Long, Channel> channelOf = new HashMap<>();
        private final Map<MemberKey, MirrorRow> mirrorOf = new HashMap<>();
        private final Map<Long, Person> personOf = new HashMap<>();
        private int paused;

        Round(SalesforceClient client, ActiveRun run, List<PendingPush> pushes) {
            this.client = client;
            this.run = run;
            pushes.forEach(p -> this.pushes.put(p.member(), p));
        }

        void push() {
            load();
            List<PendingPush> inserts = new ArrayList<>();
            List<Planned> updates = new ArrayList<>();
            List<Planned> deletes = new ArrayList<>();
            jdbi.useTransaction(tx -> {
                Settlement s = new Settlement();
                for (PendingPush push : pushes.values()) {
                    CampaignLink link = linkOf.get(push.member().programId());
                    if (link == null) {
                        // Unlinked since the change: the sync no longer carries this program.
                        settle(s, push, false);
                        run.tally().skipped(Operation.PUSH_MEMBERS);
                        continue;
                    }
                    if (link.paused()) {
                        paused++;
                        continue;
                    }
                    PushAction action = PushPlanner.plan(push.desired(), mirrorOf.get(push.member()));
                    if (action instanceof PushAction.Update u) {
                        updates.add(new Planned(push, u.memberId(), u.oldStatus()));
                    } else if (action instanceof PushAction.Delete d) {
                        deletes.add(new Planned(push, d.memberId(), d.oldStatus()));
                    } else if (action instanceof PushAction.Insert && personOf.containsKey(push.member().personId())) {
                        inserts.add(push);
                    } else {
                        // Nothing to write, or the person no longer exists.
                        settle(s, push, true);
                        run.tally().skipped(Operation.PUSH_MEMBERS);
                    }
                }
                s.flush(tx);
            });
            createLeads(inserts);
            List<PendingPush> insertable = inserts.stream().filter(p -> !settled.contains(p.member())).toList();
            ensureStatuses(insertable, updates);
            deleteMembers(deletes);
            List<PendingPush> reinserts = updateMembers(updates.stream()
                    .filter(u -> !settled.contains(u.push().member())).toList(), true);
            List<PendingPush> allInserts = new ArrayList<>(insertable.stream()
                    .filter(p -> !settled.contains(p.member())).toList());
            allInserts.addAll(reinserts);
            insertMembers(allInserts);
        }

        private void load() {
            jdbi.useHandle(h -> {
                Map<Long, List<Long>> byProgram = new HashMap<>();
                pushes.keySet().forEach(m -> byProgram.computeIfAbsent(m.programId(), p -> new ArrayList<>())
                        .add(m.personId()));
                for (Map.Entry<Long, List<Long>> e : byProgram.entrySet()) {
                    long programId = e.getKey();
                    links.byProgram(h, programId).ifPresent(l -> linkOf.put(programId, l));
                    programs.byId(h, programId).flatMap(p -> channels.byName(h, p.channelName()))
                            .map(StoredChannel::channel).ifPresent(c -> channelOf.put(programId, c));
                    mirrorOf.putAll(mirror.get(h, programId, e.getValue()));
                }
                List<Long> personIds = pushes.keySet().stream().map(MemberKey::personId).distinct().toList();
                for (int from = 0; from < personIds.size(); from += 1000) {
                    List<Long> chunk = personIds.subList(from, Math.min(personIds.size(), from + 1000));
                    people.find(h, PersonDao.Key.ID, chunk, 0, chunk.size())
                            .forEach(p -> personOf.put(p.id(), p));
                }
            });
        }

        private void createLeads(List<PendingPush> inserts) {
            List<Person> candidates = inserts.stream().map(p -> personOf.get(p.member().personId())).toList();
            LeadResults results = leads.create(client, candidates, LeadOrigin.campaignSync());
            personOf.putAll(results.linked());
            for (int i = results.created().size() + results.adopted().size(); i > 0; i--) {
                run.tally().created(Operation.PUSH_LEADS);
            }
            SalesforceException stoppedBy = results.stoppedBy();
            jdbi.useTransaction(tx -> {
                postponeAllOfPeople(tx, inserts, results.busy());
                results.failed().forEach((id, error) -> failAllOfPerson(tx, inserts, id, Operation.PUSH_LEADS, error,
                        null));
                if (stoppedBy != null && !stoppedBy.isLimit()) {
                    candidates.stream().filter(LeadCreator::needsLead)
                            .filter(p -> !results.linked().containsKey(p.id()) && !results.failed().containsKey(p.id()))
                            .forEach(p -> failAllOfPerson(tx, inserts, p.id(), Operation.PUSH_LEADS, null, stoppedBy));
                }
            });
            if (stoppedBy != null && stoppedBy.isLimit()) {
                throw stoppedBy;
            }
        }

        /**
         * Another creator is making these people's Leads right now (a flow step, another node): their members wait
         * a little and are pushed by a later round, which then finds the people linked.
         */
        private void postponeAllOfPeople(Handle tx, List<PendingPush> inserts, Set<Long> personIds) {
            List<Long> ids = new ArrayList<>();
            for (PendingPush push : inserts) {
                if (personIds.contains(push.member().personId()) && settled.add(push.member())) {
                    ids.addAll(push.entryIds());
                }
            }
            outbox.postpone(tx, ids, clock.instant().plus(BUSY_LEAD_WAIT));
        }

        private void failAllOfPerson(Handle tx, List<PendingPush> inserts, long personId, Operation op,
                                     RecordError error, SalesforceException request) {
            for (PendingPush push : inserts) {
                if (push.member().personId() == personId && !settled.contains(push.member())) {
                    fail(tx, push, op, null, error, request);
                }
            }
        }

        private void ensureStatuses(List<PendingPush> inserts, List<Planned> updates) {
            Map<String, Map<String, Boolean>> needed = new LinkedHashMap<>();
            List<PendingPush> all = new ArrayList<>(inserts);
            updates.forEach(u -> all.add(u.push()));
            for (PendingPush push : all) {
                if (settled.contains(push.member())) {
                    continue;
                }
                String campaign = linkOf.get(push.member().programId()).campaignId();
                Channel channel = channelOf.get(push.member().programId());
                boolean responded = channel != null && channel.status(push.desired().status())
                        .map(ProgressionStatus::success).orElse(false);
                needed.computeIfAbsent(campaign, c -> new LinkedHashMap<>()).put(push.desired().status(), responded);
            }
            if (needed.isEmpty()) {
                return;
            }
            List<CampaignStatuses.Missing> missing = statuses.ensure(client, needed);
            if (missing.isEmpty()) {
                return;
            }
            jdbi.useTransaction(tx -> {
                for (CampaignStatuses.Missing m : missing) {
                    for (PendingPush push : all) {
                        if (!settled.contains(push.member())
                                && linkOf.get(push.member().programId()).campaignId().equals(m.campaignId())
                                && push.desired().status().equals(m.label())) {
                            fail(tx, push, Operation.PUSH_STATUSES, null, m.error(), null);
                        }
                    }
                }
            });
        }

        private void deleteMembers(List<Planned> deletes) {
            if (deletes.isEmpty()) {
                return;
            }
            List<Map<String, Object>> records = deletes.stream()
                    .map(d -> Map.<String, Object>of("Id", d.memberId())).toList();
            SalesforceWrite write = SalesforceWrite.run(client, WriteOperation.DELETE, "CampaignMember", records);
            jdbi.useTransaction(tx -> {
                Settlement s = new Settlement();
                Map<MemberKey, MirrorRow> current = lockCurrent(tx, deletes.stream().map(d -> d.push().member()));
                for (int i = 0; i < deletes.size(); i++) {
                    Planned d = deletes.get(i);
                    SaveResult result = write.result(i);
                    if (result != null && (result.success() || result.isRecordGone())) {
                        MemberKey member = d.push().member();
                        MirrorRow held = current.get(member);
                        if (held != null && !held.sfMemberId().equals(d.memberId())) {
                            // Salesforce holds the member again under a new id (pulled meanwhile): plan anew.
                            continue;
                        }
                        if (held != null) {
                            s.deletes.add(member);
                            s.activities.add(activities.removal(member, linkOf.get(member.programId()).campaignName(),
                                    held.sfStatus(), Side.TANDEM, now()));
                        }
                        // Without a mirror row the pull has already recorded this removal.
                        settle(s, d.push(), true);
                        run.tally().removed(Operation.PUSH_MEMBERS);
                    } else {
                        failUnlessLimit(tx, d.push(), d.memberId(), result, write.stoppedBy());
                    }
                }
                s.flush(tx);
            });
            rethrowLimit(write);
        }

        /** Updates statuses; returns the pushes whose CampaignMember turned out to be gone (to insert instead). */
        private List<PendingPush> updateMembers(List<Planned> updates, boolean reinsertGone) {
            if (updates.isEmpty()) {
                return List.of();
            }
            List<Map<String, Object>> records = updates.stream()
                    .map(u -> Map.<String, Object>of("Id", u.memberId(), "Status", u.push().desired().status()))
                    .toList();
            SalesforceWrite write = SalesforceWrite.run(client, WriteOperation.UPDATE, "CampaignMember", records);
            List<PendingPush> gone = new ArrayList<>();
            jdbi.useTransaction(tx -> {
                Settlement s = new Settlement();
                Map<MemberKey, MirrorRow> current = lockCurrent(tx, updates.stream().map(u -> u.push().member()));
                for (int i = 0; i < updates.size(); i++) {
                    Planned u = updates.get(i);
                    MemberKey member = u.push().member();
                    CampaignLink link = linkOf.get(member.programId());
                    SaveResult result = write.result(i);
                    if (result != null && result.success()) {
                        String status = u.push().desired().status();
                        MirrorRow held = current.get(member);
                        if (held == null || !held.sfMemberId().equals(u.memberId())) {
                            // The pull saw the member deleted (or replaced) meanwhile: plan anew from that.
                            continue;
                        }
                        if (held.sfStatus().equals(u.oldStatus())) {
                            s.puts.add(new MirrorRow(member, link.campaignId(), u.memberId(), status, null, status,
                                    null));
                            s.activities.add(activities.statusChange(member, link.campaignName(), u.oldStatus(),
                                    status, Side.TANDEM, now()));
                        } else if (held.sfStatus().equals(status)) {
                            // The pull already recorded this very change.
                            s.puts.add(new MirrorRow(member, link.campaignId(), u.memberId(), status,
                                    held.sfModstamp(), status, held.lastPulledAt()));
                        } else {
                            // Salesforce changed the status too and the pull recorded it: push again from there.
                            continue;
                        }
                        settle(s, u.push(), true);
                        run.tally().updated(Operation.PUSH_MEMBERS);
                    } else if (result != null && result.isRecordGone() && reinsertGone) {
                        MirrorRow held = current.get(member);
                        if (held != null && !held.sfMemberId().equals(u.memberId())) {
                            continue;
                        }
                        if (held != null) {
                            // Salesforce deleted the member while Tandem changed it: that removal is a change
                            // Salesforce held, recorded once here (the pull will find no mirror row for it); Tandem
                            // wins and adds the member back.
                            s.deletes.add(member);
                            s.activities.add(activities.removal(member, link.campaignName(), held.sfStatus(),
                                    Side.SALESFORCE, now()));
                            run.tally().conflict(Operation.PUSH_MEMBERS);
                        }
                        gone.add(u.push());
                    } else {
                        forgetStatusesOnPicklistError(link, result);
                        failUnlessLimit(tx, u.push(), u.memberId(), result, write.stoppedBy());
                    }
                }
                s.flush(tx);
            });
            rethrowLimit(write);
            return gone;
        }

        private void insertMembers(List<PendingPush> inserts) {
            if (inserts.isEmpty()) {
                return;
            }
            List<Map<String, Object>> records = new ArrayList<>();
            for (PendingPush push : inserts) {
                Person person = personOf.get(push.member().personId());
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("CampaignId", linkOf.get(push.member().programId()).campaignId());
                record.put(person.sfdcType() == SfdcType.CONTACT ? "ContactId" : "LeadId", person.sfdcId());
                record.put("Status", push.desired().status());
                records.add(record);
            }
            SalesforceWrite write = SalesforceWrite.run(client, WriteOperation.INSERT, "CampaignMember", records);
            List<PendingPush> duplicates = new ArrayList<>();
            jdbi.useTransaction(tx -> {
                Settlement s = new Settlement();
                Map<MemberKey, MirrorRow> current = lockCurrent(tx, inserts.stream().map(PendingPush::member));
                for (int i = 0; i < inserts.size(); i++) {
                    PendingPush push = inserts.get(i);
                    MemberKey member = push.member();
                    CampaignLink link = linkOf.get(member.programId());
                    SaveResult result = write.result(i);
                    if (result != null && result.success()) {
                        String status = push.desired().status();
                        MirrorRow held = current.get(member);
                        if (held == null) {
                            s.puts.add(new MirrorRow(member, link.campaignId(), result.id(), status, null, status,
                                    null));
                            s.activities.add(activities.addition(member, link.campaignName(), status, Side.TANDEM,
                                    now()));
                        } else if (held.sfMemberId().equals(result.id()) && held.sfStatus().equals(status)) {
                            // The pull already saw (and recorded) this insert.
                            s.puts.add(new MirrorRow(member, link.campaignId(), result.id(), status,
                                    held.sfModstamp(), status, held.lastPulledAt()));
                        } else {
                            // Salesforce changed the new member already and the pull recorded it: plan anew.
                            continue;
                        }
                        settle(s, push, true);
                        run.tally().created(Operation.PUSH_MEMBERS);
                    } else if (result != null && "DUPLICATE_VALUE".equals(result.error().statusCode())) {
                        duplicates.add(push);
                    } else {
                        forgetStatusesOnPicklistError(link, result);
                        failUnlessLimit(tx, push, null, result, write.stoppedBy());
                    }
                }
                s.flush(tx);
            });
            rethrowLimit(write);
            adoptDuplicates(duplicates);
        }

        /** Members Salesforce already holds: one query finds them all; they are then updated where needed. */
        private void adoptDuplicates(List<PendingPush> duplicates) {
            if (duplicates.isEmpty()) {
                return;
            }
            Set<String> campaigns = new LinkedHashSet<>();
            Set<String> leadIds = new LinkedHashSet<>();
            Set<String> contactIds = new LinkedHashSet<>();
            for (PendingPush push : duplicates) {
                Person person = personOf.get(push.member().personId());
                campaigns.add(linkOf.get(push.member().programId()).campaignId());
                (person.sfdcType() == SfdcType.CONTACT ? contactIds : leadIds).add(person.sfdcId());
            }
            Cond who = leadIds.isEmpty() ? Cond.in("ContactId", contactIds)
                    : contactIds.isEmpty() ? Cond.in("LeadId", leadIds)
                    : Cond.anyOf(Cond.in("LeadId", leadIds), Cond.in("ContactId", contactIds));
            Soql soql = Soql.select("Id", "CampaignId", "LeadId", "ContactId", "Status").from("CampaignMember")
                    .where(Cond.in("CampaignId", campaigns).and(who)).build();
            Map<String, String[]> found = new HashMap<>();
            client.query(soql, 2000, page -> page.records().forEach(r -> {
                String[] idAndStatus = {r.getString("Id"), r.getString("Status")};
                if (r.getString("LeadId") != null) {
                    found.put(r.getString("CampaignId") + "/" + r.getString("LeadId"), idAndStatus);
                }
                if (r.getString("ContactId") != null) {
                    found.put(r.getString("CampaignId") + "/" + r.getString("ContactId"), idAndStatus);
                }
            }));
            List<Planned> updates = new ArrayList<>();
            jdbi.useTransaction(tx -> {
                Settlement s = new Settlement();
                Map<MemberKey, MirrorRow> current = lockCurrent(tx, duplicates.stream().map(PendingPush::member));
                for (PendingPush push : duplicates) {
                    MemberKey member = push.member();
                    CampaignLink link = linkOf.get(member.programId());
                    String[] existing = found.get(link.campaignId() + "/" + personOf.get(member.personId()).sfdcId());
                    if (existing == null) {
                        fail(tx, push, Operation.PUSH_MEMBERS, null, new RecordError("DUPLICATE_VALUE",
                                "Salesforce reported the member as a duplicate but it could not be found", List.of()),
                                null);
                        continue;
                    }
                    MirrorRow held = current.get(member);
                    String heldStatus;
                    if (held == null) {
                        // Salesforce held this member before Tandem knew: that addition is recorded once, here.
                        s.puts.add(new MirrorRow(member, link.campaignId(), existing[0], existing[1], null, null,
                                null));
                        s.activities.add(activities.addition(member, link.campaignName(), existing[1],
                                Side.SALESFORCE, now()));
                        heldStatus = existing[1];
                    } else if (held.sfMemberId().equals(existing[0])) {
                        // The pull has recorded the addition (and any change since) already.
                        heldStatus = held.sfStatus();
                    } else {
                        continue;
                    }
                    if (heldStatus.equals(push.desired().status())) {
                        settle(s, push, true);
                        run.tally().skipped(Operation.PUSH_MEMBERS);
                    } else {
                        // Both sides added the member, with different statuses: Tandem's wins.
                        run.tally().conflict(Operation.PUSH_MEMBERS);
                        updates.add(new Planned(push, existing[0], heldStatus));
                    }
                }
                s.flush(tx);
            });
            updateMembers(updates, false);
        }

        /**
         * Locks these members against the pull (see {@link MirrorStore#lockPeople}) and reads their mirror rows as
         * they are now: a settlement derives its activity from these, not from the rows the plan was made with.
         */
        private Map<MemberKey, MirrorRow> lockCurrent(Handle tx, Stream<MemberKey> members) {
            Map<Long, List<Long>> byProgram = new HashMap<>();
            members.forEach(m -> byProgram.computeIfAbsent(m.programId(), p -> new ArrayList<>()).add(m.personId()));
            mirror.lockPeople(tx, byProgram.values().stream().flatMap(List::stream).toList());
            Map<MemberKey, MirrorRow> current = new HashMap<>();
            byProgram.forEach((programId, people) -> current.putAll(mirror.get(tx, programId, people)));
            return current;
        }

        private Instant now() {
            return clock.instant();
        }

        private void forgetStatusesOnPicklistError(CampaignLink link, SaveResult result) {
            if (result != null && result.error() != null
                    && "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST".equals(result.error().statusCode())) {
                statuses.forget(link.campaignId());
            }
        }

        private void failUnlessLimit(Handle tx, PendingPush push, String sfRecordId, SaveResult result,
                                     SalesforceException stoppedBy) {
            if (result != null) {
                fail(tx, push, Operation.PUSH_MEMBERS, sfRecordId, result.error(), null);
            } else if (!stoppedBy.isLimit()) {
                fail(tx, push, Operation.PUSH_MEMBERS, sfRecordId, null, stoppedBy);
            }
        }

        private void rethrowLimit(SalesforceWrite write) {
            if (write.stoppedBy() != null && write.stoppedBy().isLimit()) {
                throw write.stoppedBy();
            }
        }

        /** The member's rows go (Salesforce holds the state, or there is nothing to push) when {@code s} flushes. */
        private void settle(Settlement s, PendingPush push, boolean resolveErrors) {
            s.done.addAll(push.entryIds());
            if (resolveErrors) {
                s.resolved.add(push.member());
            }
            settled.add(push.member());
        }

        private void fail(Handle tx, PendingPush push, Operation op, String sfRecordId, RecordError error,
                          SalesforceException request) {
            int attempts = push.attempts() + 1;
            Instant now = clock.instant();
            Instant next = now.plus(options.backoff().delayAfter(attempts, ThreadLocalRandom.current()::nextDouble));
            String code = error != null ? error.statusCode() : request.errorCode();
            String message = error != null ? error.message() : request.errorMessage();
            List<String> fields = error != null ? error.fields() : request.fields();
            String httpStatus = request != null ? String.valueOf(request.httpStatus()) : null;
            outbox.fail(tx, push.entryIds(), attempts, next, code, message);
            errors.record(tx, run.id(), SyncError.of(op, push.member().programId(), push.member().personId(),
                    sfRecordId, code, httpStatus, message, fields, now));
            run.tally().failed(op);
            settled.add(push.member());
        }

        void failUnsettled(SalesforceException e) {
            List<PendingPush> open = pushes.values().stream().filter(p -> !settled.contains(p.member())).toList();
            if (!open.isEmpty()) {
                jdbi.useTransaction(tx -> open.forEach(p -> fail(tx, p, Operation.PUSH_MEMBERS, null, null, e)));
            }
        }

        void releaseUnsettled() {
            List<Long> ids = pushes.values().stream().filter(p -> !settled.contains(p.member()))
                    .flatMap(p -> p.entryIds().stream()).toList();
            if (!ids.isEmpty()) {
                jdbi.useTransaction(tx -> outbox.release(tx, ids));
                pushes.values().forEach(p -> settled.add(p.member()));
            }
        }
    }

    private record Planned(PendingPush push, String memberId, String oldStatus) {
    }

    /** What one transaction settles, written in batches when it flushes. */
    private final class Settlement {
        private final List<Long> done = new ArrayList<>();
        private final List<MemberKey> resolved = new ArrayList<>();
        private final List<MirrorRow> puts = new ArrayList<>();
        private final List<MemberKey> deletes = new ArrayList<>();
        private final List<Activity> activities = new ArrayList<>();

        void flush(Handle tx) {
            for (int from = 0; from < done.size(); from += 1000) {
                outbox.complete(tx, done.subList(from, Math.min(done.size(), from + 1000)));
            }
            mirror.deleteAll(tx, deletes);
            mirror.putAll(tx, puts);
            CampaignMemberPusher.this.activities.appendAll(tx, activities);
            Map<Long, List<Long>> byProgram = new HashMap<>();
            resolved.forEach(m -> byProgram.computeIfAbsent(m.programId(), p -> new ArrayList<>()).add(m.personId()));
            Instant now = clock.instant();
            byProgram.forEach((programId, people) -> {
                for (int from = 0; from < people.size(); from += 1000) {
                    List<Long> chunk = people.subList(from, Math.min(people.size(), from + 1000));
                    for (long personId : errors.peopleWithOpenErrors(tx, PUSH_OPERATIONS, programId, chunk)) {
                        errors.resolveMember(tx, PUSH_OPERATIONS, programId, personId, now);
                    }
                }
            });
        }
    }

}
