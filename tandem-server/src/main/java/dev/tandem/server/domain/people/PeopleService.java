package dev.tandem.server.domain.people;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.membership.SkipReason;
import dev.tandem.core.person.Person;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.person.SfdcType;
import dev.tandem.server.domain.Batches;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.PageTokens;
import dev.tandem.server.domain.Timestamps;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.store.Page;
import dev.tandem.server.store.PageToken;
import dev.tandem.server.store.PersonDao;
import dev.tandem.server.store.SqlErrors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * People (Marketo "leads"): batched creates and updates by a lookup field, keyset-paged reads, and the
 * find-or-create the campaign sync uses for Salesforce records it does not know yet.
 */
public final class PeopleService {

    /** Largest page of people a read returns. */
    public static final int MAX_BATCH = 300;

    private static final SkipReason ALREADY_EXISTS = new SkipReason("1005", "Lead already exists");
    private static final SkipReason MULTIPLE_MATCH = new SkipReason("1007", "Multiple leads match the lookup criteria");
    private static final String API_SOURCE = "Web service API";
    private static final String SALESFORCE_SOURCE = "SFDC Sync";
    private static final int ATTEMPTS = 3;
    private static final String LINK_SAVEPOINT = "link_person_to_salesforce";

    private final Jdbi jdbi;
    private final ActivityLog activityLog;
    private final Clock clock;
    private final PersonDao people = new PersonDao();

    public PeopleService(Jdbi jdbi, ActivityLog activityLog, Clock clock) {
        this.jdbi = jdbi;
        this.activityLog = activityLog;
        this.clock = clock;
    }

    /**
     * Creates and/or updates up to 300 people, matching existing ones by {@code lookupField}; results are in input
     * order. Records that cannot be applied are skipped with a Marketo code and leave nothing written; the others
     * are written in one transaction, each creation with activity 12 "New Lead".
     */
    public List<PersonResult> sync(SyncAction action, LookupField lookupField, List<PersonInput> input) {
        Batches.requireSize("input", input);
        if (input.stream().anyMatch(Objects::isNull)) {
            throw DomainException.invalid("input: records must not be null");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(tx -> {
                    Instant now = Timestamps.now(clock);
                    List<PersonResult> results = new ArrayList<>(input.size());
                    List<Activity> newLeads = new ArrayList<>();
                    for (int seq = 0; seq < input.size(); seq++) {
                        results.add(syncOne(tx, seq, action, lookupField, input.get(seq), now, newLeads));
                    }
                    activityLog.appendAll(tx, newLeads);
                    return results;
                });
            } catch (RuntimeException e) {
                // A concurrent writer may take the same sfdcId between our check and our write; retrying
                // re-reads and reports the record as a duplicate instead of failing the batch.
                if (attempt >= ATTEMPTS || !SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** The person with this id. */
    public Optional<Person> get(long id) {
        return jdbi.withHandle(h -> people.byId(h, id));
    }

    /**
     * A page of the people whose {@code filterType} field equals one of up to 300 values, in id order
     * (email matches ignore case). Pass a null token for the first page.
     */
    public Page<Person> find(LookupField filterType, List<String> values, int batchSize, String pageToken) {
        Batches.requireSize("filterValues", values);
        Batches.requirePageSize("batchSize", batchSize, MAX_BATCH);
        List<?> keys = filterType == LookupField.ID ? parseIds(values) : values;
        String kind = "people-" + filterType.apiName() + "-" + Integer.toHexString(values.hashCode());
        long after = pageToken == null || pageToken.isBlank() ? 0 : PageTokens.position(kind, 1, pageToken)[0];
        List<Person> fetched = jdbi.withHandle(h -> people.find(h, key(filterType), keys, after, batchSize + 1));
        return Page.of(fetched, batchSize, p -> PageToken.encode(kind, p.id()));
    }

    /** A page of all people in id order, for walking the whole database without loading it. */
    public Page<Person> all(int batchSize, String pageToken) {
        Batches.requirePageSize("batchSize", batchSize, MAX_BATCH);
        long after = pageToken == null || pageToken.isBlank() ? 0 : PageTokens.position("people", 1, pageToken)[0];
        List<Person> fetched = jdbi.withHandle(h -> people.scan(h, after, batchSize + 1));
        return Page.of(fetched, batchSize, p -> PageToken.encode("people", p.id()));
    }

    /** {@link #findOrCreateBySalesforce(Handle, SfdcType, String, PersonFields)} in its own transaction. */
    public FoundPerson findOrCreateBySalesforce(SfdcType type, String sfdcId, PersonFields fields) {
        return jdbi.inTransaction(tx -> findOrCreateBySalesforce(tx, type, sfdcId, fields));
    }

    /**
     * The person for a Salesforce Lead or Contact, inside the caller's transaction: matched by Salesforce id,
     * else by email among people not yet linked to Salesforce (the oldest wins, and is linked now), else
     * created from {@code fields} with activity 12 "New Lead".
     */
    public FoundPerson findOrCreateBySalesforce(Handle tx, SfdcType type, String sfdcId, PersonFields fields) {
        if (type == null) {
            throw DomainException.blank("sfdcType");
        }
        PersonFields given = fields == null ? new PersonFields(null, null, null, null, null, null, null, null) : fields;
        PersonFields linked;
        try {
            linked = new PersonFields(given.email(), given.firstName(), given.lastName(), given.company(),
                    given.title(), given.phone(), type, sfdcId);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
        if (linked.sfdcId() == null) {
            throw DomainException.blank("sfdcId");
        }
        for (int attempt = 1; ; attempt++) {
            Optional<FoundPerson> found = findOrCreateOnce(tx, linked);
            if (found.isPresent()) {
                return found.get();
            }
            if (attempt >= ATTEMPTS) {
                throw new IllegalStateException("sfdcId " + linked.sfdcId() + ": kept being taken and released by "
                        + "concurrent writers; giving up after " + ATTEMPTS + " attempts");
            }
        }
    }

    /**
     * One attempt of {@link #findOrCreateBySalesforce}; empty when a concurrent writer took the Salesforce id between
     * the look-up and the write, so that a retry finds their person. Two pulls (or a pull and the initial reconcile)
     * may resolve the same new Lead at the same moment: the write must neither fail on people_sfdc_id_uq nor, on
     * PostgreSQL, abort the caller's transaction.
     */
    private Optional<FoundPerson> findOrCreateOnce(Handle tx, PersonFields linked) {
        Optional<Person> bySfdcId = people.find(tx, PersonDao.Key.SFDC_ID, List.of(linked.sfdcId()), 0, 1).stream()
                .findFirst();
        if (bySfdcId.isPresent()) {
            return Optional.of(new FoundPerson(bySfdcId.get(), false));
        }
        Instant now = Timestamps.now(clock);
        if (linked.email() != null) {
            Optional<Person> unlinked = people.find(tx, PersonDao.Key.EMAIL, List.of(linked.email()), 0, MAX_BATCH)
                    .stream().filter(p -> p.sfdcId() == null).findFirst();
            if (unlinked.isPresent()) {
                Person existing = unlinked.get();
                Person updated = new Person(existing.id(), existing.email(), existing.firstName(), existing.lastName(),
                        existing.company(), existing.title(), existing.phone(), linked.sfdcType(), linked.sfdcId(),
                        false, existing.acquisitionProgramId(), existing.acquisitionDate(), existing.createdAt(), now);
                return linkUnlessTaken(tx, updated, now) ? Optional.of(new FoundPerson(updated, false))
                        : Optional.empty();
            }
        }
        Optional<Long> id = people.insertUnlessSalesforceIdHeld(tx, linked, now);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        activityLog.append(tx, newLead(id.get(), SALESFORCE_SOURCE, now));
        // Built from what was written rather than read back: one round trip less per created person.
        return Optional.of(new FoundPerson(new Person(id.get(), linked.email(), linked.firstName(), linked.lastName(),
                linked.company(), linked.title(), linked.phone(), linked.sfdcType(), linked.sfdcId(), false, null,
                null, now, now), true));
    }

    /**
     * Links an existing person to the Salesforce id, unless a concurrent writer took it first (false then). Inside a
     * savepoint, so that the unique violation leaves the caller's transaction usable on PostgreSQL; an UPDATE has
     * no ON CONFLICT. Linking by email happens once per person, so the savepoints stay few.
     */
    private boolean linkUnlessTaken(Handle tx, Person updated, Instant now) {
        tx.savepoint(LINK_SAVEPOINT);
        try {
            people.update(tx, updated, now);
        } catch (RuntimeException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            tx.rollbackToSavepoint(LINK_SAVEPOINT);
            return false;
        }
        tx.releaseSavepoint(LINK_SAVEPOINT);
        return true;
    }

    private PersonResult syncOne(Handle tx, int seq, SyncAction action, LookupField lookupField, PersonInput record,
                                 Instant now, List<Activity> newLeads) {
        PersonFields fields = record.fields();
        if (action == SyncAction.CREATE_DUPLICATE) {
            return createChecked(tx, seq, fields, now, newLeads);
        }
        List<Person> matches;
        switch (lookupField) {
            case ID -> {
                if (record.id() == null) {
                    if (action == SyncAction.UPDATE_ONLY) {
                        return PersonResult.skipped(seq, missing("id"));
                    }
                    return createChecked(tx, seq, fields, now, newLeads);
                }
                matches = people.find(tx, PersonDao.Key.ID, List.of(record.id()), 0, 1);
                if (matches.isEmpty()) {
                    return PersonResult.skipped(seq, SkipReason.LEAD_NOT_FOUND);
                }
            }
            case EMAIL -> {
                if (fields.email() == null) {
                    return PersonResult.skipped(seq, missing("email"));
                }
                matches = people.find(tx, PersonDao.Key.EMAIL, List.of(fields.email()), 0, 2);
            }
            case SFDC_ID -> {
                if (fields.sfdcId() == null) {
                    return PersonResult.skipped(seq, missing("sfdcId"));
                }
                matches = people.find(tx, PersonDao.Key.SFDC_ID, List.of(fields.sfdcId()), 0, 2);
            }
            default -> throw new IllegalStateException("unhandled lookup field " + lookupField);
        }
        if (matches.isEmpty()) {
            return action == SyncAction.UPDATE_ONLY
                    ? PersonResult.skipped(seq, SkipReason.LEAD_NOT_FOUND)
                    : createChecked(tx, seq, fields, now, newLeads);
        }
        if (action == SyncAction.CREATE_ONLY) {
            return PersonResult.skipped(seq, ALREADY_EXISTS);
        }
        if (matches.size() > 1) {
            return PersonResult.skipped(seq, MULTIPLE_MATCH);
        }
        Person existing = matches.get(0);
        Optional<SkipReason> clash = sfdcIdClash(tx, fields, existing.id());
        if (clash.isPresent()) {
            return PersonResult.skipped(seq, clash.get());
        }
        Person merged = fields.applyTo(existing);
        if (!merged.equals(existing)) {
            people.update(tx, merged, now);
        }
        return new PersonResult(seq, PersonResult.Status.UPDATED, existing.id(), null);
    }

    private PersonResult createChecked(Handle tx, int seq, PersonFields fields, Instant now, List<Activity> newLeads) {
        Optional<SkipReason> clash = sfdcIdClash(tx, fields, -1);
        if (clash.isPresent()) {
            return PersonResult.skipped(seq, clash.get());
        }
        long id = people.insert(tx, fields, now);
        newLeads.add(newLead(id, API_SOURCE, now));
        return new PersonResult(seq, PersonResult.Status.CREATED, id, null);
    }

    private static Activity newLead(long personId, String sourceType, Instant now) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Source Type", sourceType);
        attributes.put("Created Date", now.toString());
        return Activity.of(personId, now, ActivityType.NEW_LEAD, null, null, null, attributes);
    }

    private Optional<SkipReason> sfdcIdClash(Handle tx, PersonFields fields, long selfId) {
        if (fields.sfdcId() == null) {
            return Optional.empty();
        }
        return people.find(tx, PersonDao.Key.SFDC_ID, List.of(fields.sfdcId()), 0, 1).stream()
                .filter(p -> p.id() != selfId)
                .findFirst()
                .map(p -> new SkipReason("1005", "Lead already exists: sfdcId " + fields.sfdcId()
                        + " belongs to lead " + p.id()));
    }

    private static SkipReason missing(String field) {
        return new SkipReason("1003", field + ": required as lookup field");
    }

    private static PersonDao.Key key(LookupField field) {
        return switch (field) {
            case ID -> PersonDao.Key.ID;
            case EMAIL -> PersonDao.Key.EMAIL;
            case SFDC_ID -> PersonDao.Key.SFDC_ID;
        };
    }

    private static List<Long> parseIds(List<String> values) {
        List<Long> ids = new ArrayList<>(values.size());
        for (String value : values) {
            try {
                ids.add(Long.parseLong(value.trim()));
            } catch (NumberFormatException | NullPointerException e) {
                throw DomainException.invalid("filterValues: '" + value + "' is not a lead id");
            }
        }
        return ids;
    }
}
