package dev.tandem.server.sync.lead;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.person.Person;
import dev.tandem.core.person.SfdcType;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.write.RecordError;
import dev.tandem.salesforce.write.SaveResult;
import dev.tandem.salesforce.write.WriteOperation;
import dev.tandem.server.domain.Timestamps;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.store.PersonDao;
import dev.tandem.server.store.SqlErrors;
import dev.tandem.server.sync.push.SalesforceWrite;
import dev.tandem.server.sync.settings.SyncSettings;
import dev.tandem.server.sync.settings.SyncSettingsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates people who are not in Salesforce as Leads, exactly once, for the campaign sync's pusher, the initial
 * reconcile's Bulk push and the smart-campaign flow actions alike. LastName and Company default from the sync
 * settings; the records go through the client's routing (sObject Collections, 200 a call, or Bulk API 2.0 above its
 * threshold); each created Lead is recorded on the person (Salesforce id, type LEAD) with one "Sync Lead to SFDC"
 * activity.
 *
 * <p><b>Crash safety by intent.</b> Between Salesforce creating a Lead and Tandem committing its id, the process
 * may die or the call's answer may be lost; inserting again on the next attempt would create a duplicate Lead. So:
 * <ol>
 *   <li>Before the insert call, an intent row per person (the values sent, and when) is committed.</li>
 *   <li>The transaction that records a person's Lead id also deletes the intent; so does the one that records
 *       Salesforce's refusal of that person (nothing was created).</li>
 *   <li>A person whose intent is still open when a later attempt starts may therefore already have a Lead. Before
 *       inserting anything, the Leads of such people are looked up, one SOQL query per 200 people: by Email for
 *       those with an email; for those without, by the LastName, Company (and FirstName) sent and a CreatedDate
 *       not before the intent. A match ({@link LeadMatcher}) is adopted (recorded as if created now, with its
 *       activity) instead of inserted; only people without a match are inserted.</li>
 * </ol>
 * <p><b>One creator per person at a time.</b> Each attempt holds the intents it works on (holder and an end
 * time, {@link #HOLD}), taken under row locks together with a fresh read of the people. A person whose intent
 * another live attempt holds is left to it ({@link LeadResults#busy()}): the caller tries again later and then
 * finds the person linked. A hold ends with its attempt (the intent may stay open, free); a hold whose creator died
 * lapses, or is freed when its node starts again under the same name, and the next attempt takes the intent over
 * through the look-up above. Every step only records people whose intent it still holds.
 * Calls to Salesforce happen outside any transaction; each transaction is short. {@link #create} does it all;
 * callers that send the insert themselves (the initial reconcile's Bulk push) use its halves, {@link #prepare} and
 * {@link #record}, with {@link LeadBatch#settle} in between.
 */
public final class LeadCreator {

    private static final Logger LOG = LoggerFactory.getLogger(LeadCreator.class);

    /** People per look-up query. */
    static final int LOOKUP_CHUNK = 200;
    /**
     * How long a creator holds its intents: far longer than any insert call, so a live creator keeps them; a
     * creator that died without its node starting again frees them after this.
     */
    static final Duration HOLD = Duration.ofMinutes(15);
    private static final int CLAIM_ATTEMPTS = 5;
    /** People recorded per transaction. */
    static final int RECORD_CHUNK = 2000;

    private final Jdbi jdbi;
    private final SyncSettingsService settings;
    private final ActivityLog activityLog;
    private final Clock clock;
    private final String node;
    private final LeadIntentStore intents = new LeadIntentStore();
    private final PersonDao people = new PersonDao();

    /** A creator writing to {@code jdbi}, with the Lead defaults of {@code settings}, on a node of a random name. */
    public LeadCreator(Jdbi jdbi, SyncSettingsService settings, ActivityLog activityLog, Clock clock) {
        this(jdbi, settings, activityLog, clock, "node-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A creator of node {@code node}: its holds on intents are named after the node (see {@link #resumeAfterRestart}). */
    public LeadCreator(Jdbi jdbi, SyncSettingsService settings, ActivityLog activityLog, Clock clock, String node) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.activityLog = activityLog;
        this.clock = clock;
        this.node = node;
    }

    /**
     * Frees the intents this node's previous process held when it died, so a node started again under its fixed
     * name takes them over at once (looking their Leads up) instead of after {@link #HOLD}. Call once at start.
     */
    public int resumeAfterRestart() {
        return jdbi.inTransaction(h -> intents.releaseAllOfNode(h, node));
    }

    /** Whether the person still needs a Lead: no Salesforce record, or the one they had was deleted. */
    public static boolean needsLead(Person person) {
        return person.sfdcId() == null || person.sfdcIsDeleted();
    }

    /**
     * Creates (or adopts) a Lead for each of {@code candidates} that {@link #needsLead needs one}; the others are
     * left out of the results, except those linked since the caller read them, which come back as they are now
     * (without a second activity), and those another creator holds right now, which come back as
     * {@link LeadResults#busy()}. Never throws a Salesforce failure: a call that stops part-way reports it as
     * {@link LeadResults#stoppedBy()} with what was done before it recorded.
     */
    public LeadResults create(SalesforceClient client, Collection<Person> candidates, LeadOrigin origin) {
        LeadBatch batch = prepare(client, candidates, origin);
        if (batch.toInsert().isEmpty() || batch.stoppedBy() != null) {
            return batch.results();
        }
        SettledLeads settled;
        try {
            SalesforceWrite write = SalesforceWrite.run(client, WriteOperation.INSERT, "Lead", batch.records());
            settled = batch.settle(write, Timestamps.now(clock));
        } catch (RuntimeException e) {
            release(batch);
            throw e;
        }
        return record(settled);
    }

    /**
     * The first half of {@link #create}, for callers that send the insert themselves (the initial reconcile's Bulk
     * push, which records on another thread while its next job runs): claims the intents of the candidates that
     * need a Lead, looks up and adopts the Leads of those whose intent an earlier attempt left behind, and returns
     * the others, held by this batch, to insert. Only taken-over intents cost a look-up, so a batch nobody was
     * interrupted on makes no Salesforce call. Never throws a Salesforce failure: a failed look-up is the batch's
     * {@link LeadBatch#stoppedBy()}, with nothing to insert. A batch with something to insert must then be
     * {@link LeadBatch#settle settled} and {@link #record recorded}, or {@link #release released}.
     */
    public LeadBatch prepare(SalesforceClient client, Collection<Person> candidates, LeadOrigin origin) {
        Map<Long, Person> missing = new LinkedHashMap<>();
        candidates.stream().filter(LeadCreator::needsLead).forEach(p -> missing.putIfAbsent(p.id(), p));
        String holder = node + "/" + UUID.randomUUID().toString().substring(0, 8);
        if (missing.isEmpty()) {
            return new LeadBatch(origin, holder, Map.of(), Map.of(), Map.of(), Set.of(), Set.of(), null);
        }
        LeadBatch batch;
        try {
            batch = prepareHolding(client, missing, origin, holder);
        } catch (RuntimeException e) {
            jdbi.useTransaction(tx -> intents.release(tx, holder));
            throw e;
        }
        if (batch.toInsert().isEmpty() || batch.stoppedBy() != null) {
            // Intents left open (a look-up that failed) stay open but free, so the next creator takes them over.
            release(batch);
        }
        return batch;
    }

    private LeadBatch prepareHolding(SalesforceClient client, Map<Long, Person> missing, LeadOrigin origin,
                                     String holder) {
        Map<Long, Person> linked = new LinkedHashMap<>();
        Map<Long, LeadFields> fields = new LinkedHashMap<>();
        LeadIntentStore.Claim claim = claim(missing, fields, linked, holder);
        Set<Long> busy = new LinkedHashSet<>(claim.busy());
        if (missing.isEmpty()) {
            return new LeadBatch(origin, holder, Map.of(), Map.of(), linked, Set.of(), busy, null);
        }

        Map<Long, String> found;
        try {
            found = lookUp(client, List.copyOf(claim.takenOver().values()));
        } catch (SalesforceException e) {
            return new LeadBatch(origin, holder, Map.of(), Map.of(), linked, Set.of(), busy, e);
        }
        if (!found.isEmpty()) {
            LOG.info("Adopting {} Leads that an interrupted attempt created, instead of creating them again",
                    found.size());
        }
        List<Long> candidates = missing.keySet().stream().filter(id -> !found.containsKey(id)).toList();
        Map<Long, Person> toInsert = new LinkedHashMap<>();
        Set<Long> adopted = new LinkedHashSet<>();
        jdbi.useTransaction(tx -> {
            List<Long> involved = new ArrayList<>(candidates);
            involved.addAll(found.keySet());
            Set<Long> held = intents.heldBy(tx, involved, holder);
            // The values this attempt sends replace a taken-over intent's, keeping its opening time: the earlier
            // attempt's window stays covered.
            intents.updateFields(tx, candidates.stream().filter(held::contains)
                    .filter(id -> claim.takenOver().containsKey(id))
                    .map(id -> new LeadIntent(id, claim.takenOver().get(id).createdAt(), fields.get(id))).toList());
            Map<Long, String> adopting = new LinkedHashMap<>();
            found.forEach((id, leadId) -> {
                if (held.contains(id)) {
                    adopting.put(id, leadId);
                }
            });
            record(tx, adopting, missing, origin, Timestamps.now(clock), linked);
            adopted.addAll(adopting.keySet());
            candidates.stream().filter(held::contains).forEach(id -> toInsert.put(id, missing.get(id)));
            involved.stream().filter(id -> !held.contains(id)).forEach(busy::add);
        });
        fields.keySet().retainAll(toInsert.keySet());
        return new LeadBatch(origin, holder, toInsert, fields, linked, adopted, busy, null);
    }

    /**
     * The second half of {@link #create}: writes a settled insert, in transactions of at most
     * {@value #RECORD_CHUNK} people, and ends the batch's holds. Each created Lead is linked to its person with one
     * "Sync Lead to SFDC" activity, and the intents of the created and the refused close; a person whose hold lapsed
     * during the call is left to the creator that took the intent over (it looks the Lead up) and comes back busy.
     * The intents of people the write did not reach stay open for the next attempt's look-up.
     */
    public LeadResults record(SettledLeads settled) {
        LeadBatch batch = settled.batch();
        LeadResults decided = settled.results();
        Map<Long, Person> linked = new LinkedHashMap<>(decided.linked());
        Set<Long> created = new LinkedHashSet<>(decided.created());
        Map<Long, RecordError> failed = new HashMap<>(decided.failed());
        Set<Long> busy = new LinkedHashSet<>(decided.busy());
        List<Long> decidedIds = new ArrayList<>(settled.created().keySet());
        decidedIds.addAll(settled.refused());
        try {
            for (int from = 0; from < decidedIds.size(); from += RECORD_CHUNK) {
                List<Long> part = decidedIds.subList(from, Math.min(decidedIds.size(), from + RECORD_CHUNK));
                jdbi.useTransaction(tx -> {
                    Set<Long> held = intents.heldBy(tx, part, batch.holder());
                    Map<Long, String> leadIds = new LinkedHashMap<>();
                    List<Long> refused = new ArrayList<>();
                    for (long id : part) {
                        if (!held.contains(id)) {
                            // The hold lapsed during the call and another creator took the intent over.
                            busy.add(id);
                            created.remove(id);
                            linked.remove(id);
                            failed.remove(id);
                        } else if (settled.created().containsKey(id)) {
                            leadIds.put(id, settled.created().get(id));
                        } else {
                            refused.add(id);
                        }
                    }
                    intents.clear(tx, refused);
                    record(tx, leadIds, batch.toInsert(), batch.origin(), settled.at(), new HashMap<>());
                });
            }
        } finally {
            release(batch);
        }
        return new LeadResults(linked, created, decided.adopted(), failed, busy, decided.stoppedBy());
    }

    /**
     * Ends the batch's holds without recording anything (a caller abandoning a prepared batch); its intents stay
     * open, free, for the next creator to take over through the look-up.
     */
    public void release(LeadBatch batch) {
        jdbi.useTransaction(tx -> intents.release(tx, batch.holder()));
    }

    /**
     * Takes the people's intents for {@code holder} and then reads the people again, in one transaction: someone
     * who linked a person (another creator, a flow step, the pull) committed either before this read, so the person
     * comes back linked and is dropped from {@code missing}, or after it, and then held the intent this claim waited
     * for. Fills {@code fields} with the values to send and {@code linked} with the people linked meanwhile.
     */
    private LeadIntentStore.Claim claim(Map<Long, Person> missing, Map<Long, LeadFields> fields,
                                        Map<Long, Person> linked, String holder) {
        SyncSettings defaults = settings.current();
        Map<Long, Person> given = new LinkedHashMap<>(missing);
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(tx -> {
                    Instant now = Timestamps.now(clock);
                    Map<Long, LeadFields> sent = new LinkedHashMap<>();
                    missing.values().forEach(p -> sent.put(p.id(), LeadFields.of(p, defaults)));
                    LeadIntentStore.Claim claim = intents.claim(tx, sent, holder, now, now.plus(HOLD));
                    Map<Long, Person> current = new HashMap<>();
                    people.find(tx, PersonDao.Key.ID, List.copyOf(missing.keySet()), 0, missing.size())
                            .forEach(p -> current.put(p.id(), p));
                    List<Long> done = new ArrayList<>();
                    List<LeadIntent> changed = new ArrayList<>();
                    for (long id : List.copyOf(missing.keySet())) {
                        Person person = current.get(id);
                        if (person == null || !needsLead(person)) {
                            missing.remove(id);
                            done.add(id);
                            if (person != null) {
                                linked.put(id, person);
                            }
                        } else if (claim.busy().contains(id)) {
                            missing.remove(id);
                        } else {
                            missing.put(id, person);
                            LeadFields values = LeadFields.of(person, defaults);
                            fields.put(id, values);
                            if (claim.fresh().contains(id) && !values.equals(sent.get(id))) {
                                changed.add(new LeadIntent(id, now, values));
                            }
                        }
                    }
                    // A linked person needs no intent; those of busy people belong to their holder.
                    intents.clear(tx, done.stream().filter(id -> !claim.busy().contains(id)).toList());
                    intents.updateFields(tx, changed);
                    return claim;
                });
            } catch (RuntimeException e) {
                if (attempt >= CLAIM_ATTEMPTS || !(SqlErrors.isUniqueViolation(e) || SqlErrors.isDeadlock(e))) {
                    throw e;
                }
                // Another creator opened an intent of one of these people meanwhile: claim again, seeing it.
                missing.clear();
                missing.putAll(given);
                fields.clear();
                linked.clear();
            }
        }
    }

    /** Links each person to their Lead, writes the activity and closes the intent, in the caller's transaction. */
    private void record(Handle tx, Map<Long, String> leadIds, Map<Long, Person> missing, LeadOrigin origin,
                        Instant now, Map<Long, Person> linked) {
        if (leadIds.isEmpty()) {
            return;
        }
        List<Activity> activities = new ArrayList<>();
        List<Person> toLink = new ArrayList<>();
        leadIds.forEach((id, leadId) -> {
            Person person = missing.get(id);
            Person asLinked = new Person(person.id(), person.email(), person.firstName(), person.lastName(),
                    person.company(), person.title(), person.phone(), SfdcType.LEAD, leadId, false,
                    person.acquisitionProgramId(), person.acquisitionDate(), person.createdAt(), now);
            toLink.add(asLinked);
            linked.put(id, asLinked);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("SFDC Type", SfdcType.LEAD.apiName());
            attributes.put("SFDC ID", leadId);
            attributes.put("Assign To", origin.ownerId() != null ? origin.ownerId() : "Auto-assignment rules");
            attributes.put("Reason", origin.reason());
            activities.add(Activity.of(id, now, ActivityType.SYNC_LEAD_TO_SFDC, origin.smartCampaignId(), null, null,
                    attributes));
        });
        people.linkAll(tx, toLink, now);
        for (int from = 0; from < activities.size(); from += ActivityLog.MAX_BATCH) {
            activityLog.appendAll(tx, activities.subList(from, Math.min(activities.size(), from + ActivityLog.MAX_BATCH)));
        }
        intents.clear(tx, leadIds.keySet());
    }

    /** The Lead each open intent's earlier attempt created, per person id (one query per {@value #LOOKUP_CHUNK}). */
    private Map<Long, String> lookUp(SalesforceClient client, List<LeadIntent> open) {
        if (open.isEmpty()) {
            return Map.of();
        }
        List<ExistingLead> candidates = new ArrayList<>();
        for (int from = 0; from < open.size(); from += LOOKUP_CHUNK) {
            Soql soql = lookUpQuery(open.subList(from, Math.min(open.size(), from + LOOKUP_CHUNK)));
            client.query(soql, 2000, page -> page.records().forEach(r -> candidates.add(existing(r))));
        }
        if (candidates.isEmpty()) {
            return Map.of();
        }
        Set<String> held = jdbi.withHandle(h -> people.heldSalesforceIds(h,
                candidates.stream().map(ExistingLead::id).toList()));
        return LeadMatcher.match(open, candidates, held);
    }

    /** Leads with the emails, or (for people without one) the values sent and created since the oldest intent. */
    static Soql lookUpQuery(List<LeadIntent> chunk) {
        Set<String> emails = new LinkedHashSet<>();
        Set<String> lastNames = new LinkedHashSet<>();
        Set<String> companies = new LinkedHashSet<>();
        Instant oldest = null;
        for (LeadIntent intent : chunk) {
            LeadFields f = intent.fields();
            if (f.email() != null) {
                emails.add(f.email());
            } else {
                lastNames.add(f.lastName());
                companies.add(f.company());
                oldest = oldest == null || intent.createdAt().isBefore(oldest) ? intent.createdAt() : oldest;
            }
        }
        Cond byEmail = emails.isEmpty() ? null : Cond.in("Email", emails);
        Cond byValues = lastNames.isEmpty() ? null : Cond.allOf(Cond.in("LastName", lastNames),
                Cond.in("Company", companies), Cond.isNull("Email"),
                Cond.ge("CreatedDate", oldest.minus(LeadMatcher.CLOCK_SKEW).truncatedTo(ChronoUnit.SECONDS)));
        Cond where = byEmail == null ? byValues : byValues == null ? byEmail : Cond.anyOf(byEmail, byValues);
        return Soql.select("Id", "Email", "FirstName", "LastName", "Company", "CreatedDate").from("Lead")
                .where(where).build();
    }

    private static ExistingLead existing(SObject r) {
        return new ExistingLead(r.id(), r.getString("Email"), r.getString("FirstName"), r.getString("LastName"),
                r.getString("Company"), r.getInstant("CreatedDate"));
    }
}
