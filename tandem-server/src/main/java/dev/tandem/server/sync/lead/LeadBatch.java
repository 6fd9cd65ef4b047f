package dev.tandem.server.sync.lead;

import dev.tandem.core.person.Person;
import dev.tandem.core.person.SfdcType;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.write.RecordError;
import dev.tandem.salesforce.write.SaveResult;
import dev.tandem.server.sync.push.SalesforceWrite;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of Leads {@link LeadCreator#prepare prepared} for insertion: their intents are committed and held by the
 * batch, the Leads an interrupted attempt created are adopted, and what is left is ready to send in one write of the
 * caller's choosing.
 *
 * @param origin    why the Leads are created
 * @param holder    the name this batch holds its people's intents under, until it is recorded or released
 * @param toInsert  the people to insert a Lead for, in the order of {@link #records()}
 * @param fields    the values sent for each person to insert
 * @param linked    people linked already: adopted now, or linked by someone else since the caller read them
 * @param adopted   ids of the people whose Lead an interrupted attempt had created (recorded by the preparation)
 * @param busy      ids of the people another creator holds right now: left to it
 * @param stoppedBy the Salesforce failure that stopped the look-up (nothing is to be inserted then), or null
 */
public record LeadBatch(LeadOrigin origin, String holder, Map<Long, Person> toInsert, Map<Long, LeadFields> fields,
                        Map<Long, Person> linked, Set<Long> adopted, Set<Long> busy, SalesforceException stoppedBy) {

    public LeadBatch {
        toInsert = Collections.unmodifiableMap(new LinkedHashMap<>(toInsert));
        fields = Map.copyOf(fields);
        linked = Map.copyOf(linked);
        adopted = Set.copyOf(adopted);
        busy = Set.copyOf(busy);
    }

    /** The Lead records to insert, index-aligned with {@link #toInsert()}. */
    public List<Map<String, Object>> records() {
        return toInsert.keySet().stream().map(id -> fields.get(id).record(origin.ownerId())).toList();
    }

    /** What the preparation alone settled: for a batch with nothing to insert, or whose look-up failed. */
    public LeadResults results() {
        return new LeadResults(linked, Set.of(), adopted, Map.of(), busy, stoppedBy);
    }

    /**
     * What the insert of {@link #records()} did, person by person (a pure function of its results): a Lead created,
     * refused with Salesforce's error, or undecided because the write stopped before the record (its intent stays
     * open). {@code write} may be null when there was nothing to insert.
     */
    public SettledLeads settle(SalesforceWrite write, Instant at) {
        Map<Long, String> created = new LinkedHashMap<>();
        Map<Long, RecordError> refused = new HashMap<>();
        Map<Long, Person> nowLinked = new LinkedHashMap<>(linked);
        int index = 0;
        for (Person person : toInsert.values()) {
            SaveResult result = write == null ? null : write.result(index++);
            if (result != null && result.success()) {
                created.put(person.id(), result.id());
                nowLinked.put(person.id(), new Person(person.id(), person.email(), person.firstName(),
                        person.lastName(), person.company(), person.title(), person.phone(), SfdcType.LEAD,
                        result.id(), false, person.acquisitionProgramId(), person.acquisitionDate(),
                        person.createdAt(), at));
            } else if (result != null) {
                refused.put(person.id(), result.error());
            }
        }
        LeadResults results = new LeadResults(nowLinked, new LinkedHashSet<>(created.keySet()), adopted, refused,
                busy, write == null ? stoppedBy : write.stoppedBy());
        return new SettledLeads(this, created, refused.keySet(), at, results);
    }
}
