package dev.tandem.server.automation.filter;

import dev.tandem.core.person.Person;
import dev.tandem.server.store.PersonDao;
import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads the facts filters need for many people at once: three queries whatever the number of people. */
public final class FactsLoader {

    private final PersonDao people = new PersonDao();
    private final CampaignMemberships campaignMemberships;

    public FactsLoader(CampaignMemberships campaignMemberships) {
        this.campaignMemberships = campaignMemberships;
    }

    /** Facts of the people that exist among {@code personIds}, keyed by person id. */
    public Map<Long, PersonFacts> load(Handle h, Collection<Long> personIds) {
        Map<Long, PersonFacts> facts = new HashMap<>();
        if (personIds.isEmpty()) {
            return facts;
        }
        List<Long> ids = List.copyOf(personIds);
        List<Person> found = people.find(h, PersonDao.Key.ID, ids, 0, ids.size());
        Map<Long, Map<Long, String>> programs = new HashMap<>();
        h.createQuery("SELECT person_id, program_id, status FROM memberships WHERE person_id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)})
                .forEach(row -> programs.computeIfAbsent((Long) row[0], k -> new HashMap<>())
                        .put((Long) row[1], (String) row[2]));
        Map<Long, Map<String, String>> campaigns = campaignMemberships.statuses(h, ids);
        for (Person person : found) {
            facts.put(person.id(), new PersonFacts(person, programs.getOrDefault(person.id(), Map.of()),
                    campaigns.getOrDefault(person.id(), Map.of())));
        }
        return facts;
    }
}
