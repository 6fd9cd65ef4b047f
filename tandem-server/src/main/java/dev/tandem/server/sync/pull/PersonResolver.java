package dev.tandem.server.sync.pull;

import dev.tandem.core.person.Person;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.person.SfdcType;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.store.PersonDao;
import dev.tandem.server.sync.runs.ActiveRun;
import dev.tandem.server.sync.runs.Operation;
import dev.tandem.server.sync.runs.SyncError;
import dev.tandem.server.sync.runs.SyncErrorStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Finds the person behind each pulled member's Lead or Contact, inside the caller's transaction: by Salesforce
 * id (one query per 1,000 ids), else through the people service, which matches by email or creates the person.
 * A Lead/Contact that cannot become a person is recorded as an open sync error of the given operation.
 */
public final class PersonResolver {

    private final PeopleService peopleService;
    private final SyncErrorStore errors;
    private final Clock clock;
    private final PersonDao people = new PersonDao();

    /** A resolver creating people through {@code peopleService}. */
    public PersonResolver(PeopleService peopleService, SyncErrorStore errors, Clock clock) {
        this.peopleService = peopleService;
        this.errors = errors;
        this.clock = clock;
    }

    /** The person per Salesforce Lead/Contact id of the rows; deleted rows never create anyone. */
    public Map<String, Person> resolve(Handle tx, List<PulledMember> rows, ActiveRun run, Operation operation) {
        Set<String> sfIds = new LinkedHashSet<>();
        rows.stream().filter(r -> r.personSfId() != null).forEach(r -> sfIds.add(r.personSfId()));
        Map<String, Person> found = new HashMap<>();
        List<String> ids = List.copyOf(sfIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            people.find(tx, PersonDao.Key.SFDC_ID, chunk, 0, chunk.size()).forEach(p -> found.put(p.sfdcId(), p));
        }
        for (PulledMember row : rows) {
            if (row.personSfId() == null || row.deleted() || found.containsKey(row.personSfId())) {
                continue;
            }
            SfdcType type = row.isContact() ? SfdcType.CONTACT : SfdcType.LEAD;
            try {
                PersonFields fields = new PersonFields(row.email(), row.firstName(), row.lastName(), row.company(),
                        null, null, type, row.personSfId());
                found.put(row.personSfId(),
                        peopleService.findOrCreateBySalesforce(tx, type, row.personSfId(), fields).person());
            } catch (DomainException | IllegalArgumentException e) {
                errors.record(tx, run.id(), SyncError.of(operation, null, null, row.id(), "INVALID_PERSON", null,
                        "The " + (row.isContact() ? "Contact " : "Lead ") + row.personSfId()
                                + " could not become a person: " + e.getMessage(), List.of(), clock.instant()));
                run.tally().failed(operation);
            }
        }
        return found;
    }
}
