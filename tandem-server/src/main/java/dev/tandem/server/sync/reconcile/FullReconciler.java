package dev.tandem.server.sync.reconcile;

import dev.tandem.core.channel.Channel;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.person.Person;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.server.domain.membership.ChangeContext;
import dev.tandem.server.domain.membership.MemberResult;
import dev.tandem.server.domain.membership.MembershipService;
import dev.tandem.server.store.ChannelDao;
import dev.tandem.server.store.MembershipDao;
import dev.tandem.server.store.ProgramDao;
import dev.tandem.server.store.StoredChannel;
import dev.tandem.server.store.StoredMembership;
import dev.tandem.server.sync.cycle.SalesforceClientSource;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.link.ReconcileState;
import dev.tandem.server.sync.mirror.CampaignActivities;
import dev.tandem.server.sync.mirror.CampaignActivities.Side;
import dev.tandem.server.sync.mirror.MirrorRow;
import dev.tandem.server.sync.mirror.MirrorStore;
import dev.tandem.server.sync.outbox.DesiredState;
import dev.tandem.server.sync.outbox.MemberKey;
import dev.tandem.server.sync.outbox.OutboxStore;
import dev.tandem.server.sync.pull.PersonResolver;
import dev.tandem.server.sync.pull.PulledMember;
import dev.tandem.server.sync.pull.PulledMembers;
import dev.tandem.server.sync.push.CampaignMemberPusher;
import dev.tandem.server.sync.runs.ActiveRun;
import dev.tandem.server.sync.runs.Operation;
import dev.tandem.server.sync.runs.RunOutcome;
import dev.tandem.server.sync.runs.RunRecorder;
import dev.tandem.server.sync.runs.RunReport;
import dev.tandem.server.sync.runs.SyncError;
import dev.tandem.server.sync.runs.SyncErrorStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full reconcile, streamed so that a program of any size fits in a small heap: the campaign's members are
 * read page by page (Bulk API 2.0 query above {@code bulkAbove} members), each page merged with Tandem in one
 * transaction (Salesforce-wins cases applied at once, Tandem-wins cases queued in the outbox); then the program's
 * members Salesforce lacks are written: by the initial reconcile straight through Bulk API 2.0 a chunk at a time
 * ({@link InitialBulkPush}), by a periodic one queued in the outbox page by page; then the outbox is drained in
 * large batches, which the client writes through Bulk API 2.0 when they are big.
 */
public final class FullReconciler implements CampaignReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(FullReconciler.class);
    private static final String REASON = "Salesforce campaign reconcile";
    private static final int MEMBER_PAGE = 1000;

    /**
     * Tuning of the reconcile: Bulk query above {@code bulkAbove} campaign members, outbox drained in batches of
     * {@code pushBatch} members, and an initial link's Tandem-only members written {@code initialChunk} at a time
     * (two Bulk jobs per chunk, two chunks on their way at once).
     */
    public record Options(int bulkAbove, int pushBatch, int initialChunk) {

        /** Bulk query above 2,000 members; pushes in batches of 20,000; initial chunks of 10,000. */
        public static final Options DEFAULT = new Options(2000, 20_000, 10_000);
    }

    private final Jdbi jdbi;
    private final SalesforceClientSource clients;
    private final CampaignLinkStore links;
    private final MirrorStore mirror;
    private final OutboxStore outbox;
    private final SyncErrorStore errors;
    private final MembershipService memberships;
    private final PersonResolver personResolver;
    private final CampaignActivities activities;
    private final CampaignMemberPusher pusher;
    private final InitialBulkPush bulkPush;
    private final RunRecorder recorder;
    private final Options options;
    private final Clock clock;
    private final MembershipDao membershipDao = new MembershipDao();
    private final ProgramDao programs = new ProgramDao();
    private final ChannelDao channels = new ChannelDao();

    /** A reconciler over these stores and services. */
    public FullReconciler(Jdbi jdbi, SalesforceClientSource clients, CampaignLinkStore links, MirrorStore mirror,
                          OutboxStore outbox, SyncErrorStore errors, MembershipService memberships,
                          PersonResolver personResolver, CampaignActivities activities, CampaignMemberPusher pusher,
                          InitialBulkPush bulkPush, RunRecorder recorder, Options options, Clock clock) {
        this.jdbi = jdbi;
        this.clients = clients;
        this.links = links;
        this.mirror = mirror;
        this.outbox = outbox;
        this.errors = errors;
        this.memberships = memberships;
        this.personResolver = personResolver;
        this.activities = activities;
        this.pusher = pusher;
        this.bulkPush = bulkPush;
        this.recorder = recorder;
        this.options = options;
        this.clock = clock;
    }

    @Override
    public RunReport reconcile(long programId, ReconcileMode mode) {
        CampaignLink link = jdbi.withHandle(h -> links.byProgram(h, programId)).orElseThrow(() ->
                new IllegalArgumentException("programId: program " + programId + " is not linked to a campaign"));
        Channel channel = jdbi.withHandle(h -> programs.byId(h, programId)
                .flatMap(p -> channels.byName(h, p.channelName())).map(StoredChannel::channel)).orElseThrow(() ->
                new IllegalArgumentException("programId: program " + programId + " or its channel does not exist"));
        SalesforceClient client = clients.client().orElseThrow(() ->
                new IllegalStateException("No Salesforce connection is configured"));
        ActiveRun run = recorder.begin("reconcile-" + mode.name().toLowerCase(), () -> client.usage().clientCalls());
        if (mode == ReconcileMode.INITIAL) {
            jdbi.useTransaction(h -> links.setInitialReconcileState(h, programId, ReconcileState.RUNNING,
                    clock.instant()));
        }
        RunOutcome outcome;
        String note = null;
        try {
            Instant startedAt = clock.instant();
            long t0 = System.nanoTime();
            readSalesforce(client, link, channel, run);
            jdbi.useTransaction(h -> mirror.deleteUnseenSince(h, programId, startedAt));
            long t1 = System.nanoTime();
            RunOutcome tandemOnly = RunOutcome.COMPLETED;
            if (mode == ReconcileMode.INITIAL) {
                // A first link usually brings a whole program Salesforce lacks: it goes straight through Bulk 2.0.
                tandemOnly = bulkPush.push(client, link, channel, run);
            } else {
                queueTandemOnlyMembers(programId);
            }
            long t2 = System.nanoTime();
            outcome = tandemOnly == RunOutcome.COMPLETED ? pusher.drain(client, run, options.pushBatch()) : tandemOnly;
            LOG.info("Reconcile ({}) of program {}: Salesforce read and merged in {} ms, Tandem-only members {} in "
                    + "{} ms, queued changes pushed in {} ms", mode, programId, (t1 - t0) / 1_000_000,
                    mode == ReconcileMode.INITIAL ? "written through Bulk 2.0" : "queued", (t2 - t1) / 1_000_000,
                    (System.nanoTime() - t2) / 1_000_000);
            if (outcome == RunOutcome.STOPPED_BY_LIMIT) {
                note = "Salesforce's API limit or Tandem's budget stopped the reconcile; queued changes wait";
            }
        } catch (SalesforceException e) {
            outcome = e.isLimit() ? RunOutcome.STOPPED_BY_LIMIT : RunOutcome.FAILED;
            note = e.errorCode() + ": " + e.errorMessage();
        }
        RunOutcome finalOutcome = outcome;
        if (mode == ReconcileMode.INITIAL) {
            jdbi.useTransaction(h -> links.setInitialReconcileState(h, programId,
                    finalOutcome == RunOutcome.COMPLETED ? ReconcileState.DONE : ReconcileState.FAILED,
                    clock.instant()));
        }
        return recorder.finish(run, outcome, note);
    }

    private void readSalesforce(SalesforceClient client, CampaignLink link, Channel channel, ActiveRun run) {
        long size = client.count(Soql.selectCount().from("CampaignMember")
                .where(Cond.eq("CampaignId", link.campaignId())).build());
        Soql soql = PulledMembers.ofCampaign(link.campaignId());
        Consumer<List<SObject>> onPage = records -> {
            List<PulledMember> rows = records.stream().map(PulledMembers::parse).toList();
            jdbi.useTransaction(tx -> mergePage(tx, rows, link, channel, run));
        };
        if (size > options.bulkAbove()) {
            client.bulkQuery(soql, onPage);
        } else {
            client.query(soql, 2000, page -> onPage.accept(page.records()));
        }
    }

    private void mergePage(Handle tx, List<PulledMember> rows, CampaignLink link, Channel channel, ActiveRun run) {
        Instant now = clock.instant();
        long programId = link.programId();
        Map<String, Person> people = personResolver.resolve(tx, rows, run, Operation.RECONCILE);
        Set<Long> personIds = new LinkedHashSet<>();
        people.values().forEach(p -> personIds.add(p.id()));
        Map<Long, StoredMembership> current = membershipDao.lockMembers(tx, programId, personIds);
        Set<MemberKey> pending = outbox.pending(tx, programId, personIds);
        Map<String, List<Long>> adopt = new LinkedHashMap<>();
        List<MemberKey> added = new ArrayList<>();
        Map<MemberKey, String> addedStatus = new LinkedHashMap<>();
        for (PulledMember row : rows) {
            Person person = people.get(row.personSfId());
            if (person == null || row.deleted()) {
                continue;
            }
            MemberKey member = new MemberKey(programId, person.id());
            StoredMembership stored = current.get(person.id());
            String tandemStatus = stored == null ? null : stored.membership().status();
            MirrorRow seen = new MirrorRow(member, link.campaignId(), row.id(), row.status(), row.systemModstamp(),
                    null, now);
            if (pending.contains(member)) {
                mirror.put(tx, seen);
                run.tally().conflict(Operation.RECONCILE);
                continue;
            }
            MemberMerge merge = MergeRules.merge(channel, tandemStatus, row.status());
            if (merge instanceof MemberMerge.Unmappable u) {
                errors.record(tx, run.id(), SyncError.of(Operation.RECONCILE, programId, person.id(), row.id(),
                        "UNKNOWN_STATUS", null, "Salesforce status '" + u.sfStatus()
                                + "' is not a status of channel '" + channel.name() + "'", List.of("Status"), now));
                run.tally().failed(Operation.RECONCILE);
                continue;
            }
            mirror.put(tx, seen);
            if (merge instanceof MemberMerge.InStep) {
                run.tally().skipped(Operation.RECONCILE);
            } else if (merge instanceof MemberMerge.PullToTandem p) {
                adopt.computeIfAbsent(p.sfStatus(), s -> new ArrayList<>()).add(person.id());
                if (p.tandemStatus() == null) {
                    added.add(member);
                    addedStatus.put(member, p.sfStatus());
                }
            } else if (merge instanceof MemberMerge.PushToSalesforce p) {
                outbox.append(tx, member, DesiredState.member(p.tandemStatus()), "RECONCILE", now);
            }
        }
        ChangeContext context = ChangeContext.of(ChangeSource.SALESFORCE, REASON);
        adopt.forEach((status, ids) -> {
            for (int from = 0; from < ids.size(); from += MembershipService.MAX_BATCH) {
                List<MemberResult> results = memberships.changeStatus(tx, programId,
                        ids.subList(from, Math.min(ids.size(), from + MembershipService.MAX_BATCH)), status, context);
                for (MemberResult r : results) {
                    switch (r.status()) {
                        case CREATED -> run.tally().created(Operation.RECONCILE);
                        case UPDATED -> run.tally().updated(Operation.RECONCILE);
                        default -> run.tally().skipped(Operation.RECONCILE);
                    }
                }
            }
        });
        // Marketo's first sync reports people who joined from the campaign as added to it.
        added.forEach(member -> activities.added(tx, member, link.campaignName(), addedStatus.get(member),
                Side.SALESFORCE, now));
    }

    /** Queues every program member the mirror does not show in Salesforce. */
    private void queueTandemOnlyMembers(long programId) {
        long after = 0;
        while (true) {
            long from = after;
            List<StoredMembership> page = jdbi.withHandle(h -> membershipDao.page(h, programId, List.of(), from,
                    MEMBER_PAGE));
            if (page.isEmpty()) {
                return;
            }
            jdbi.useTransaction(tx -> {
                List<Long> ids = page.stream().map(m -> m.membership().personId()).toList();
                Map<MemberKey, MirrorRow> known = mirror.get(tx, programId, ids);
                List<MemberKey> missing = new ArrayList<>();
                List<DesiredState> desired = new ArrayList<>();
                for (StoredMembership m : page) {
                    MemberKey member = new MemberKey(programId, m.membership().personId());
                    if (!known.containsKey(member)) {
                        missing.add(member);
                        desired.add(DesiredState.member(m.membership().status()));
                    }
                }
                outbox.appendAll(tx, missing, desired, "RECONCILE", clock.instant());
            });
            after = page.get(page.size() - 1).membership().personId();
        }
    }
}
