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
import dev.tandem.server.sync.push.SalesforceWrite;
import dev.tandem.server.sync.settings.SyncSettings;
import dev.tandem.server.sync.settings.SyncSettingsService;
import java.time.Clock;
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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates people who are not in Salesforce as Leads, exactly once, for the campaign sync's pusher, the
 * initial reconcile's Bulk push and the smart-campaign flow actions alike. LastName and Company default from the sync settings; the records go through
 * the client's routing (sObject Collections, 200 a call, or Bulk API 2.0 above its threshold); each created Lead
 * is recorded on the person (Salesforce id, type LEAD) with one "Sync Lead to SFDC" activity.
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
 * Calls to Salesforce happen outside any transaction; each transaction is short. {@link #create} does it all;
 * callers that send the insert themselves (the initial reconcile's Bulk push) use its halves, {@link #prepare} and
 * {@link #record}, with {@link LeadBatch#settle} in between.
 */
public final class LeadCreator {

    private static final Logger LOG = LoggerFactory.getLogger(LeadCreator.class);

    /** People per look-up query. */
    static final int LOOKUP_CHUNK = 200;
    /** People re-read per query. */
    private static final int READ_CHUNK = 1000;
    /** People recorded per transaction. */
    static final int RECORD_CHUNK = 2000;

    private final Jdbi jdbi;
    private final SyncSettingsService settings;
    private final ActivityLog activityLog;
    private final Clock clock;
    private final LeadIntentStore intents = new LeadIntentStore();
    private final PersonDao people = new PersonDao();

    /** A creator writing to {@code jdbi}, with the Lead defaults of {@code settings}. */
    public LeadCreator(Jdbi jdbi, SyncSettingsService settings, ActivityLog activityLog, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.activityLog = activityLog;
        this.clock = clock;
    }

    /** Whether the person still needs a Lead: no Salesforce record, or the one they had was deleted. */
    public static boolean needsLead(Person person) {
        return person.sfdcId() == null || person.sfdcIsDeleted();
    }

    /**
     * Creates (or adopts) a Lead for each of {@code candidates} that {@link #needsLead needs one}; the others are
     * left out of the results, except those linked since the caller read them, which come back as they are now
     * (without a second activity). Never throws a Salesforce failure: a call that stops part-way reports it as
     * {@link LeadResults#stoppedBy()} with what was done before it recorded.
     */
    public LeadResults create(SalesforceClient client, Collection<Person> candidates, LeadOrigin origin) {
        LeadBatch batch = prepare(client, candidates, origin);
        if (batch.toInsert().isEmpty() || batch.stoppedBy() != null) {
            return batch.results();
        }
        SalesforceWrite write = SalesforceWrite.run(client, WriteOperation.INSERT, "Lead", batch.records());
        SettledLeads settled = batch.settle(write, Timestamps.now(clock));
        record(settled);
        return settled.results();
    }

    /**
     * The first half of {@link #create}, for callers that send the insert themselves (the initial reconcile's Bulk
     * push, which records on another thread while the next job runs): re-reads the candidates that need a Lead,
     * looks up and adopts the Leads of those whose intent an earlier attempt left open, and commits an intent for
     * each of the others before returning them as the batch to insert. Only people with an open intent cost a
     * look-up, so a batch no attempt was interrupted on makes no Salesforce call at all. Never throws a Salesforce
     * failure: a failed look-up is the batch's {@link LeadBatch#stoppedBy()}, with nothing to insert.
     * The caller must then {@link LeadBatch#settle settle} the insert's results and {@link #record} them.
     */
    public LeadBatch prepare(SalesforceClient client, Collection<Person> candidates, LeadOrigin origin) {
        Map<Long, Person> missing = new LinkedHashMap<>();
        candidates.stream().filter(LeadCreator::needsLead).forEach(p -> missing.putIfAbsent(p.id(), p));
        if (missing.isEmpty()) {
            return new LeadBatch(origin, Map.of(), Map.of(), Map.of(), Set.of(), null);
        }
        // The caller's copies may be old: someone else may have linked a person since (a flow step, the pull).
        Map<Long, Person> linked = new LinkedHashMap<>();
        Map<Long, Person> now = new HashMap<>();
        List<Long> ids = List.copyOf(missing.keySet());
        jdbi.useHandle(h -> {
            for (int from = 0; from < ids.size(); from += READ_CHUNK) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
                people.find(h, PersonDao.Key.ID, part, 0, part.size()).forEach(p -> now.put(p.id(), p));
            }
        });
        for (long id : ids) {
            Person current = now.get(id);
            if (current == null || !needsLead(current)) {
                missing.remove(id);
                if (current != null) {
                    linked.put(id, current);
                }
            } else {
                missing.put(id, current);
            }
        }
        if (missing.isEmpty()) {
            return new LeadBatch(origin, Map.of(), Map.of(), linked, Set.of(), null);
        }
        SyncSettings defaults = settings.current();
        Map<Long, LeadFields> fields = new LinkedHashMap<>();
        missing.values().forEach(p -> fields.put(p.id(), LeadFields.of(p, defaults)));
        Map<Long, LeadIntent> open = jdbi.withHandle(h -> intents.open(h, missing.keySet()));

        Map<Long, String> found;
        try {
            found = lookUp(client, List.copyOf(open.values()));
        } catch (SalesforceException e) {
            return new LeadBatch(origin, Map.of(), Map.of(), linked, Set.of(), e);
        }
        if (!found.isEmpty()) {
            LOG.info("Adopting {} Leads that an interrupted attempt created, instead of creating them again",
                    found.size());
        }
        Instant opened = Timestamps.now(clock);
        Map<Long, Person> toInsert = new LinkedHashMap<>();
        missing.forEach((id, person) -> {
            if (!found.containsKey(id)) {
                toInsert.put(id, person);
            }
        });
        jdbi.useTransaction(tx -> {
            List<LeadIntent> fresh = new ArrayList<>();
            List<LeadIntent> renewed = new ArrayList<>();
            for (long id : toInsert.keySet()) {
                LeadIntent intent = open.get(id);
                if (intent == null) {
                    fresh.add(new LeadIntent(id, opened, fields.get(id)));
                } else {
                    renewed.add(new LeadIntent(id, intent.createdAt(), fields.get(id)));
                }
            }
            intents.insertAll(tx, fresh);
            intents.updateFields(tx, renewed);
            record(tx, found, missing, origin, opened, linked);
        });
        fields.keySet().retainAll(toInsert.keySet());
        return new LeadBatch(origin, toInsert, fields, linked, found.keySet(), null);
    }

    /**
     * Writes a settled insert, in transactions of at most {@value #RECORD_CHUNK} people: each created Lead linked to
     * its person with one "Sync Lead to SFDC" activity, and the intents of the created and the refused closed. The
     * intents of people the write did not reach stay open for the next attempt's look-up.
     */
    public void record(SettledLeads settled) {
        List<Long> refused = List.copyOf(settled.refused());
        for (int from = 0; from < refused.size(); from += RECORD_CHUNK) {
            List<Long> part = refused.subList(from, Math.min(refused.size(), from + RECORD_CHUNK));
            jdbi.useTransaction(tx -> intents.clear(tx, part));
        }
        List<Map.Entry<Long, String>> created = List.copyOf(settled.created().entrySet());
        for (int from = 0; from < created.size(); from += RECORD_CHUNK) {
            Map<Long, String> part = new LinkedHashMap<>();
            created.subList(from, Math.min(created.size(), from + RECORD_CHUNK))
                    .forEach(e -> part.put(e.getKey(), e.getValue()));
            jdbi.useTransaction(tx -> record(tx, part, settled.results().linked(), settled.origin(), settled.at(),
                    new HashMap<>()));
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
