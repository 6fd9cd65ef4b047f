package dev.tandem.server.sync.lead;

import dev.tandem.core.person.Person;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.write.RecordError;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one {@link LeadCreator#create} call did, per person id. A person in none of the maps and sets was not
 * decided: the call stopped before them ({@link #stoppedBy}), and their intent stays open for the next attempt.
 *
 * @param linked    people now linked to their Lead (as stored): created or adopted now, or linked by someone else
 *                  since the caller read them
 * @param created   ids of the people whose Lead this call inserted
 * @param adopted   ids of the people whose Lead an earlier, interrupted attempt had created (recorded now)
 * @param failed    Salesforce's error for each person it refused to create
 * @param busy      ids of the people another creator is creating a Lead for right now: left to it (a later call
 *                  finds them linked, or takes their intent over once that creator is gone)
 * @param stoppedBy the failure that stopped the call part-way (a limit, an outage, refused credentials); null if
 *                  every person was decided
 */
public record LeadResults(Map<Long, Person> linked, Set<Long> created, Set<Long> adopted,
                          Map<Long, RecordError> failed, Set<Long> busy, SalesforceException stoppedBy) {

    public LeadResults {
        linked = Map.copyOf(linked);
        created = Set.copyOf(created);
        adopted = Set.copyOf(adopted);
        failed = Map.copyOf(failed);
        busy = Set.copyOf(busy);
    }

    /** Nothing to create. */
    public static LeadResults none() {
        return new LeadResults(Map.of(), Set.of(), Set.of(), Map.of(), Set.of(), null);
    }

    /** The person as linked to their Lead, if they were. */
    public Optional<Person> linked(long personId) {
        return Optional.ofNullable(linked.get(personId));
    }

    /** Salesforce's refusal for the person, if it refused. */
    public Optional<RecordError> failure(long personId) {
        return Optional.ofNullable(failed.get(personId));
    }
}
