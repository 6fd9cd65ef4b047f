package dev.tandem.server.sync.reconcile;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.channel.Channel;
import dev.tandem.core.channel.ProgressionStatus;
import dev.tandem.core.person.Person;
import dev.tandem.core.person.SfdcType;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.write.RecordError;
import dev.tandem.salesforce.write.SaveResult;
import dev.tandem.salesforce.write.WriteOperation;
import dev.tandem.server.domain.Timestamps;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.store.MembershipDao;
import dev.tandem.server.store.PersonDao;
import dev.tandem.server.store.StoredMembership;
import dev.tandem.server.sync.lead.LeadBatch;
import dev.tandem.server.sync.lead.LeadCreator;
import dev.tandem.server.sync.lead.LeadOrigin;
import dev.tandem.server.sync.lead.LeadResults;
import dev.tandem.server.sync.lead.SettledLeads;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.mirror.CampaignActivities;
import dev.tandem.server.sync.mirror.CampaignActivities.Side;
import dev.tandem.server.sync.mirror.MirrorRow;
import dev.tandem.server.sync.mirror.MirrorStore;
import dev.tandem.server.sync.outbox.Backoff;
import dev.tandem.server.sync.outbox.DesiredState;
import dev.tandem.server.sync.outbox.MemberKey;
import dev.tandem.server.sync.outbox.OutboxStore;
import dev.tandem.server.sync.push.CampaignStatuses;
import dev.tandem.server.sync.push.SalesforceWrite;
import dev.tandem.server.sync.runs.ActiveRun;
import dev.tandem.server.sync.runs.Operation;
import dev.tandem.server.sync.runs.RunOutcome;
import dev.tandem.server.sync.runs.SyncError;
import dev.tandem.server.sync.runs.SyncErrorStore;
import dev.tandem.server.sync.settings.SyncSettingsService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The initial reconcile's push of the members only Tandem has, written straight through Bulk API 2.0 rather than
 * queued in the outbox first. The program's members are read a chunk at a time (keyset by person); for each chunk
 * the missing Leads are created in one Bulk job (through the {@link LeadCreator}'s intents, so a crash before their
 * ids are recorded never duplicates them) and then the CampaignMembers in another, and the results are recorded in
 * batched transactions: person links with their "Sync Lead to SFDC" activity, mirror rows with their "Add to SFDC
 * Campaign" activity. The recording runs on a background thread, in order, while the next Bulk job
 * is on its way, so the push takes about the longer of the two instead of their sum.
 *
 * <p>Nothing is lost on the way. A record Salesforce refuses becomes an outbox row waiting out its backoff plus an
 * open sync error, so a retry sends it through the ordinary pusher; a CampaignMember Salesforce already holds
 * (DUPLICATE_VALUE) and every record whose outcome is unknown become due outbox rows for the pusher; when
 * Salesforce's limit or Tandem's budget stops the push, the members not yet written are queued in the outbox.
 * Members that already have changes queued are left to the outbox. Network calls happen between transactions.
 */
public final class InitialBulkPush {

    private static final Logger LOG = LoggerFactory.getLogger(InitialBulkPush.class);
    /** Two chunks on their way at once: one's Bulk job runs while the other's is polled or read back. */
    private static final int CHUNKS_IN_FLIGHT = 2;
    private static final int LOOKUP_BATCH = 1000;
    private static final int WRITE_BATCH = 2000;
    private static final String ORIGIN = "RECONCILE";
    private static final List<Operation> PUSH_OPERATIONS =
            List.of(Operation.PUSH_LEADS, Operation.PUSH_STATUSES, Operation.PUSH_MEMBERS);

    private final Jdbi jdbi;
    private final MirrorStore mirror;
    private final OutboxStore outbox;
    private final SyncErrorStore errors;
    private final CampaignActivities activities;
    private final CampaignStatuses statuses;
    private final int chunk;
    private final Backoff backoff;
    private final Clock clock;
    private final MembershipDao memberships = new MembershipDao();
    private final PersonDao people = new PersonDao();
    private final LeadCreator leads;

    /**
     * A bulk push reading {@code chunk} members at a time (each chunk costs two Bulk jobs at most); its Lead creator
     * holds intents under {@code nodeId}, so a restart of the node frees them at once.
     */
    public InitialBulkPush(Jdbi jdbi, MirrorStore mirror, OutboxStore outbox, SyncErrorStore errors,
                           ActivityLog activityLog, CampaignStatuses statuses, SyncSettingsService settings, int chunk,
                           Backoff backoff, Clock clock, String nodeId) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk: must be positive, was " + chunk);
        }
        this.jdbi = jdbi;
        this.mirror = mirror;
        this.outbox = outbox;
        this.errors = errors;
        this.activities = new CampaignActivities(activityLog);
        this.statuses = statuses;
        this.chunk = chunk;
        this.backoff = backoff;
        this.clock = clock;
        this.leads = new LeadCreator(jdbi, settings, activityLog, clock, nodeId);
    }

    /** A program member Salesforce lacks, with the person as last read. */
    private record Pending(MemberKey member, String status, Person person) {
    }

    /**
     * Writes every member of the linked program that the mirror does not show in Salesforce and that has no queued
     * change. Returns STOPPED_BY_LIMIT when Salesforce's limit or Tandem's budget stopped it (the rest is queued).
     */
    public RunOutcome push(SalesforceClient client, CampaignLink link, Channel channel, ActiveRun run) {
        ExecutorService network = Executors.newFixedThreadPool(CHUNKS_IN_FLIGHT, daemon("tandem-initial-bulk"));
        try (OrderedWrites writes = new OrderedWrites("tandem-initial-bulk-writes")) {
            Deque<InFlight> inFlight = new ArrayDeque<>();
            List<InFlight> failed = new ArrayList<>();
            long after = 0;
            while (failed.isEmpty() && !writes.failed()) {
                long from = after;
                List<StoredMembership> page = jdbi.withHandle(h -> memberships.page(h, link.programId(), List.of(),
                        from, chunk));
                if (page.isEmpty()) {
                    break;
                }
                after = page.get(page.size() - 1).membership().personId();
                List<Pending> missing = jdbi.withHandle(h -> missingFromSalesforce(h, link.programId(), page));
                List<Pending> ready;
                try {
                    // On this thread, one chunk after the other, so two chunks never create the same status.
                    ready = ensureStatuses(client, link, channel, missing, run, writes);
                } catch (SalesforceException e) {
                    failed.add(new InFlight(from, CompletableFuture.failedFuture(e)));
                    break;
                }
                inFlight.add(new InFlight(from, network.submit(() -> pushChunk(client, link, ready, run, writes))));
                if (inFlight.size() == CHUNKS_IN_FLIGHT) {
                    InFlight oldest = inFlight.poll();
                    if (oldest.failure() != null) {
                        failed.add(oldest);
                    }
                }
            }
            // Every chunk still on its way finishes (or fails) before anything is queued.
            for (InFlight chunkInFlight : inFlight) {
                if (chunkInFlight.failure() != null) {
                    failed.add(chunkInFlight);
                }
            }
            writes.await();
            if (failed.isEmpty()) {
                return RunOutcome.COMPLETED;
            }
            // What the earliest failed chunk did not settle, and everything after it, waits in the outbox.
            InFlight first = failed.stream().min(Comparator.comparingLong(InFlight::from)).orElseThrow();
            queueTandemOnly(link.programId(), first.from());
            if (failed.stream().allMatch(f -> f.failure().isLimit())) {
                return RunOutcome.STOPPED_BY_LIMIT;
            }
            throw failed.stream().map(InFlight::failure).filter(f -> !f.isLimit()).findFirst().orElseThrow();
        } finally {
            network.shutdown();
        }
    }

    /** The Lead job then the CampaignMember job of one chunk; their results are handed to {@code writes}. */
    private void pushChunk(SalesforceClient client, CampaignLink link, List<Pending> members, ActiveRun run,
                           OrderedWrites writes) {
        long t0 = System.nanoTime();
        List<Pending> withRecords = createMissingLeads(client, members, run, writes);
        long t1 = System.nanoTime();
        insertCampaignMembers(client, link, withRecords, run, writes);
        LOG.debug("Bulk push of {} members: Leads {} ms, CampaignMembers {} ms", members.size(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    /** A chunk handed to a network thread, by the person id its page started after. */
    private record InFlight(long from, Future<?> future) {

        /** Waits for the chunk; the Salesforce failure that stopped it, or null. */
        SalesforceException failure() {
            try {
                future.get();
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pushing members to Salesforce", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SalesforceException salesforce) {
                    return salesforce;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The members of {@code page} that Salesforce lacks (no mirror row) and that have no change queued. */
    private List<Pending> missingFromSalesforce(Handle h, long programId, List<StoredMembership> page) {
        List<Pending> missing = new ArrayList<>();
        for (int from = 0; from < page.size(); from += LOOKUP_BATCH) {
            List<StoredMembership> part = page.subList(from, Math.min(page.size(), from + LOOKUP_BATCH));
            List<Long> ids = part.stream().map(m -> m.membership().personId()).toList();
            Map<MemberKey, MirrorRow> known = mirror.get(h, programId, ids);
            Set<MemberKey> queued = outbox.pending(h, programId, ids);
            Map<Long, Person> persons = new HashMap<>();
            people.find(h, PersonDao.Key.ID, ids, 0, ids.size()).forEach(p -> persons.put(p.id(), p));
            for (StoredMembership m : part) {
                MemberKey member = new MemberKey(programId, m.membership().personId());
                Person person = persons.get(member.personId());
                if (person != null && !known.containsKey(member) && !queued.contains(member)) {
                    missing.add(new Pending(member, m.membership().status(), person));
                }
            }
        }
        return missing;
    }

    /**
     * The Lead step, through the {@link LeadCreator}'s intents so that a crash between the Bulk job and recording
     * its results never makes a retry create the Leads again: intents for the chunk's people are committed, the
     * Leads an interrupted attempt left behind are looked up and adopted (only people with such an intent cost a
     * look-up), the rest are created in one Bulk job, and the links, "Sync Lead to SFDC" activities and closed
     * intents are recorded on the writes thread. Returns the members that now have a Salesforce record; the others
     * are left retryable.
     */
    private List<Pending> createMissingLeads(SalesforceClient client, List<Pending> members, ActiveRun run,
                                             OrderedWrites writes) {
        List<Person> candidates = members.stream().map(Pending::person).filter(LeadCreator::needsLead).toList();
        if (candidates.isEmpty()) {
            return members;
        }
        LeadBatch batch = leads.prepare(client, candidates, LeadOrigin.campaignSync());
        if (batch.stoppedBy() != null) {
            throw batch.stoppedBy();
        }
        SalesforceWrite write = null;
        SettledLeads settled;
        try {
            long started = System.nanoTime();
            write = SalesforceWrite.run(client, WriteOperation.INSERT, "Lead", batch.records());
            LOG.debug("{} Leads written in {} ms", batch.toInsert().size(),
                    (System.nanoTime() - started) / 1_000_000);
            settled = batch.settle(write, Timestamps.now(clock));
        } catch (RuntimeException e) {
            leads.release(batch);
            throw e;
        }
        Instant now = settled.at();
        LeadResults results = settled.results();
        List<Pending> unknown = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Map<Long, Pending> firstOfPerson = new LinkedHashMap<>();
        members.forEach(p -> firstOfPerson.putIfAbsent(p.person().id(), p));
        for (long personId : batch.toInsert().keySet()) {
            Pending p = firstOfPerson.get(personId);
            results.failure(personId).ifPresentOrElse(
                    error -> refused.add(new Refused(p, Operation.PUSH_LEADS, null, error)),
                    () -> {
                        if (results.linked(personId).isEmpty()) {
                            unknown.add(p);
                        }
                    });
        }
        // Another creator (the pusher, a flow step) is making their Lead right now: the pusher takes them later.
        results.busy().forEach(personId -> unknown.add(firstOfPerson.get(personId)));
        writes.submit(() -> {
            LeadResults recorded = leads.record(settled);
            for (int i = 0; i < recorded.created().size() + recorded.adopted().size(); i++) {
                run.tally().created(Operation.PUSH_LEADS);
            }
        });
        writes.submit(() -> fallBack(refused, unknown, now, run));
        rethrowLimit(write);
        List<Pending> ready = new ArrayList<>();
        for (Pending p : members) {
            Person person = LeadCreator.needsLead(p.person()) ? results.linked().get(p.person().id()) : p.person();
            if (person != null) {
                ready.add(new Pending(p.member(), p.status(), person));
            }
        }
        return ready;
    }

    /** Makes sure the campaign has every status the members hold; members whose status cannot be made wait. */
    private List<Pending> ensureStatuses(SalesforceClient client, CampaignLink link, Channel channel,
                                         List<Pending> members, ActiveRun run, OrderedWrites writes) {
        Map<String, Boolean> labels = new LinkedHashMap<>();
        for (Pending p : members) {
            labels.computeIfAbsent(p.status(), s -> channel.status(s).map(ProgressionStatus::success).orElse(false));
        }
        if (labels.isEmpty()) {
            return members;
        }
        List<CampaignStatuses.Missing> missing = statuses.ensure(client, Map.of(link.campaignId(), labels));
        if (missing.isEmpty()) {
            return members;
        }
        Map<String, RecordError> missingLabels = new HashMap<>();
        missing.forEach(m -> missingLabels.put(m.label(), m.error()));
        List<Pending> ready = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Pending p : members) {
            RecordError error = missingLabels.get(p.status());
            if (error == null) {
                ready.add(p);
            } else {
                refused.add(new Refused(p, Operation.PUSH_STATUSES, null, error));
            }
        }
        Instant now = clock.instant();
        writes.submit(() -> fallBack(refused, List.of(), now, run));
        return ready;
    }

    /** Inserts the CampaignMembers in one Bulk job and records mirror rows and "Add to SFDC Campaign". */
    private void insertCampaignMembers(SalesforceClient client, CampaignLink link, List<Pending> members,
                                       ActiveRun run, OrderedWrites writes) {
        if (members.isEmpty()) {
            return;
        }
        List<Map<String, Object>> records = new ArrayList<>(members.size());
        for (Pending p : members) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("CampaignId", link.campaignId());
            record.put(p.person().sfdcType() == SfdcType.CONTACT ? "ContactId" : "LeadId", p.person().sfdcId());
            record.put("Status", p.status());
            records.add(record);
        }
        long started = System.nanoTime();
        SalesforceWrite write = SalesforceWrite.run(client, WriteOperation.INSERT, "CampaignMember", records);
        LOG.debug("{} CampaignMembers written in {} ms", records.size(), (System.nanoTime() - started) / 1_000_000);
        records.clear();
        Instant now = clock.instant();
        List<MirrorRow> written = new ArrayList<>();
        List<Pending> unknown = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Pending p = members.get(i);
            SaveResult result = write.result(i);
            if (result != null && result.success()) {
                written.add(new MirrorRow(p.member(), link.campaignId(), result.id(), p.status(), null, p.status(),
                        null));
            } else if (result != null && "DUPLICATE_VALUE".equals(result.error().statusCode())) {
                // Salesforce holds this member already: the pusher looks it up and adopts it.
                unknown.add(p);
            } else if (result != null) {
                if ("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST".equals(result.error().statusCode())) {
                    statuses.forget(link.campaignId());
                }
                refused.add(new Refused(p, Operation.PUSH_MEMBERS, null, result.error()));
            } else {
                unknown.add(p);
            }
        }
        writes.submit(() -> inBatches(written, batch -> jdbi.useTransaction(tx -> recordMembers(tx, link, batch, now,
                run))));
        writes.submit(() -> fallBack(refused, unknown, now, run));
        rethrowLimit(write);
    }

    private void recordMembers(Handle tx, CampaignLink link, List<MirrorRow> rows, Instant now, ActiveRun run) {
        mirror.putAll(tx, rows);
        List<Activity> added = new ArrayList<>(rows.size());
        for (MirrorRow row : rows) {
            added.add(activities.addition(row.member(), link.campaignName(), row.sfStatus(), Side.TANDEM, now));
            run.tally().created(Operation.PUSH_MEMBERS);
        }
        activities.appendAll(tx, added);
        // A member pushed now settles what an earlier attempt (e.g. a failed initial link) left open.
        for (int from = 0; from < rows.size(); from += LOOKUP_BATCH) {
            List<Long> ids = rows.subList(from, Math.min(rows.size(), from + LOOKUP_BATCH)).stream()
                    .map(r -> r.member().personId()).toList();
            for (long personId : errors.peopleWithOpenErrors(tx, PUSH_OPERATIONS, link.programId(), ids)) {
                errors.resolveMember(tx, PUSH_OPERATIONS, link.programId(), personId, now);
            }
        }
    }

    /** A record Salesforce refused: the step it failed in and Salesforce's error. */
    private record Refused(Pending pending, Operation operation, String sfRecordId, RecordError error) {
    }

    /**
     * Refused records wait in the outbox with their backoff and an open sync error (a retry makes them due);
     * records whose outcome is unknown are queued due now, for the pusher.
     */
    private void fallBack(List<Refused> refused, List<Pending> unknown, Instant now, ActiveRun run) {
        if (refused.isEmpty() && unknown.isEmpty()) {
            return;
        }
        Instant next = now.plus(backoff.delayAfter(1, ThreadLocalRandom.current()::nextDouble));
        jdbi.useTransaction(tx -> {
            for (Refused r : refused) {
                MemberKey member = r.pending().member();
                outbox.appendWaiting(tx, member, DesiredState.member(r.pending().status()), ORIGIN, now, 1, next,
                        r.error().statusCode(), r.error().message());
                errors.record(tx, run.id(), SyncError.of(r.operation(), member.programId(), member.personId(),
                        r.sfRecordId(), r.error().statusCode(), null, r.error().message(), r.error().fields(), now));
                run.tally().failed(r.operation());
            }
            outbox.appendAll(tx, unknown.stream().map(Pending::member).toList(),
                    unknown.stream().map(p -> DesiredState.member(p.status())).toList(), ORIGIN, now);
        });
    }

    /** Queues the members after {@code afterPersonId} that Salesforce lacks (the bulk push had to stop). */
    private void queueTandemOnly(long programId, long afterPersonId) {
        long after = afterPersonId;
        while (true) {
            long from = after;
            List<StoredMembership> page = jdbi.withHandle(h -> memberships.page(h, programId, List.of(), from,
                    LOOKUP_BATCH));
            if (page.isEmpty()) {
                return;
            }
            jdbi.useTransaction(tx -> {
                List<Pending> missing = missingFromSalesforce(tx, programId, page);
                outbox.appendAll(tx, missing.stream().map(Pending::member).toList(),
                        missing.stream().map(p -> DesiredState.member(p.status())).toList(), ORIGIN,
                        clock.instant());
            });
            after = page.get(page.size() - 1).membership().personId();
        }
    }

    private static void rethrowLimit(SalesforceWrite write) {
        if (write.stoppedBy() != null && write.stoppedBy().isLimit()) {
            throw write.stoppedBy();
        }
    }

    private static <T> void inBatches(List<T> items, Consumer<List<T>> action) {
        for (int from = 0; from < items.size(); from += WRITE_BATCH) {
            action.accept(items.subList(from, Math.min(items.size(), from + WRITE_BATCH)));
        }
    }
}
