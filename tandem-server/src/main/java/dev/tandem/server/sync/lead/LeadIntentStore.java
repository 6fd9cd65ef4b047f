package dev.tandem.server.sync.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL over {@code lead_intents}; every method runs on the caller's handle, inside the caller's transaction. */
public final class LeadIntentStore {

    private static final int IN_CHUNK = 1000;

    /** The open intents of these people, keyed by person id. */
    public Map<Long, LeadIntent> open(Handle handle, Collection<Long> personIds) {
        Map<Long, LeadIntent> open = new LinkedHashMap<>();
        List<Long> ids = List.copyOf(personIds);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            handle.createQuery("SELECT person_id, created_at, email, first_name, last_name, company FROM lead_intents "
                            + "WHERE person_id IN (<people>) ORDER BY person_id")
                    .bindList("people", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))
                    .map((rs, ctx) -> intent(rs)).forEach(i -> open.put(i.personId(), i));
        }
        return open;
    }

    /** Opens intents for people that have none. */
    public void insertAll(Handle handle, Collection<LeadIntent> intents) {
        if (intents.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO lead_intents (person_id, created_at, email, first_name, "
                + "last_name, company) VALUES (:person, :at, :email, :firstName, :lastName, :company)");
        for (LeadIntent i : intents) {
            batch.bind("person", i.personId()).bind("at", i.createdAt()).bind("email", i.fields().email())
                    .bind("firstName", i.fields().firstName()).bind("lastName", i.fields().lastName())
                    .bind("company", i.fields().company()).add();
        }
        batch.execute();
    }

    /**
     * Replaces the values of open intents (a new attempt sends these) and keeps their opening time: the earlier
     * attempt's window stays covered.
     */
    public void updateFields(Handle handle, Collection<LeadIntent> intents) {
        if (intents.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("UPDATE lead_intents SET email = :email, first_name = :firstName, "
                + "last_name = :lastName, company = :company WHERE person_id = :person");
        for (LeadIntent i : intents) {
            batch.bind("person", i.personId()).bind("email", i.fields().email())
                    .bind("firstName", i.fields().firstName()).bind("lastName", i.fields().lastName())
                    .bind("company", i.fields().company()).add();
        }
        batch.execute();
    }

    /** Closes the intents of these people (their Lead is recorded, or Salesforce refused to create it). */
    public void clear(Handle handle, Collection<Long> personIds) {
        List<Long> ids = List.copyOf(personIds);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            handle.createUpdate("DELETE FROM lead_intents WHERE person_id IN (<people>)")
                    .bindList("people", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK))).execute();
        }
    }

    private static LeadIntent intent(ResultSet rs) throws SQLException {
        Instant at = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        return new LeadIntent(rs.getLong("person_id"), at, new LeadFields(rs.getString("email"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("company")));
    }
}
