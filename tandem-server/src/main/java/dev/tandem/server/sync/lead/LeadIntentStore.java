package dev.tandem.server.sync.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * What one creator may do for these people, decided under the intents' locks.
     *
     * @param fresh     people who had no intent: one is opened now, held by the creator, so their Lead is inserted
     * @param takenOver people whose intent was free or its hold had lapsed: the creator holds it now and looks the
     *                  Lead up first (an earlier attempt may have created it)
     * @param busy      people whose intent another creator holds: left to it
     */
    public record Claim(Set<Long> fresh, Map<Long, LeadIntent> takenOver, Set<Long> busy) {
    }

    /**
     * Takes the intents of these people for {@code holder} until {@code until}: opens one (with the values to send)
     * for each person without one, takes over those that are free or whose hold ended before {@code now}, and leaves
     * those another creator holds. Existing rows are locked and new ones inserted in person order, so two claims
     * over the same people wait for each other instead of deadlocking; a row another claim inserted meanwhile fails
     * this one with a unique violation, and the caller claims again (the row is then seen).
     */
    public Claim claim(Handle handle, Map<Long, LeadFields> fields, String holder, Instant now, Instant until) {
        List<Long> ids = fields.keySet().stream().sorted().toList();
        Map<Long, LeadIntent> takenOver = new LinkedHashMap<>();
        Set<Long> busy = new LinkedHashSet<>();
        Set<Long> existing = new LinkedHashSet<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            handle.createQuery("SELECT person_id, created_at, email, first_name, last_name, company, holder, held_until "
                            + "FROM lead_intents WHERE person_id IN (<people>) ORDER BY person_id FOR UPDATE")
                    .bindList("people", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))
                    .map((rs, ctx) -> {
                        LeadIntent intent = intent(rs);
                        OffsetDateTime heldUntil = rs.getObject("held_until", OffsetDateTime.class);
                        boolean held = rs.getString("holder") != null && heldUntil != null
                                && !heldUntil.toInstant().isBefore(now);
                        existing.add(intent.personId());
                        return held ? null : intent;
                    }).forEach(intent -> {
                        if (intent != null) {
                            takenOver.put(intent.personId(), intent);
                        }
                    });
        }
        existing.stream().filter(id -> !takenOver.containsKey(id)).forEach(busy::add);
        hold(handle, takenOver.keySet(), holder, until);
        List<LeadIntent> opened = ids.stream().filter(id -> !existing.contains(id))
                .map(id -> new LeadIntent(id, now, fields.get(id))).toList();
        insert(handle, opened, holder, until);
        Set<Long> fresh = new LinkedHashSet<>();
        opened.forEach(i -> fresh.add(i.personId()));
        return new Claim(fresh, takenOver, busy);
    }

    /** Of these people, those whose intent {@code holder} still holds, locked until the transaction ends. */
    public Set<Long> heldBy(Handle handle, Collection<Long> personIds, String holder) {
        Set<Long> held = new LinkedHashSet<>();
        List<Long> ids = personIds.stream().sorted().toList();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            handle.createQuery("SELECT person_id FROM lead_intents WHERE person_id IN (<people>) AND holder = :holder "
                            + "ORDER BY person_id FOR UPDATE")
                    .bindList("people", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))
                    .bind("holder", holder).mapTo(Long.class).forEach(held::add);
        }
        return held;
    }

    /** Ends {@code holder}'s holds; the intents themselves stay open for whoever comes next. */
    public int release(Handle handle, String holder) {
        return handle.createUpdate("UPDATE lead_intents SET holder = NULL, held_until = NULL WHERE holder = :holder")
                .bind("holder", holder).execute();
    }

    /**
     * Ends every hold of the creators of node {@code node} (holders named {@code node/...}), for a node starting
     * again under its fixed name: its previous process died holding them.
     */
    public int releaseAllOfNode(Handle handle, String node) {
        String prefix = node + "/";
        return handle.createUpdate("UPDATE lead_intents SET holder = NULL, held_until = NULL "
                        + "WHERE LEFT(holder, :length) = :prefix")
                .bind("length", prefix.length()).bind("prefix", prefix).execute();
    }

    /** Opens intents for people that have none, held by nobody (an attempt without a creator's hold). */
    public void insertAll(Handle handle, Collection<LeadIntent> intents) {
        insert(handle, List.copyOf(intents), null, null);
    }

    private static void hold(Handle handle, Collection<Long> personIds, String holder, Instant until) {
        List<Long> ids = List.copyOf(personIds);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            handle.createUpdate("UPDATE lead_intents SET holder = :holder, held_until = :until "
                            + "WHERE person_id IN (<people>)")
                    .bindList("people", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))
                    .bind("holder", holder).bind("until", until).execute();
        }
    }

    private static void insert(Handle handle, List<LeadIntent> intents, String holder, Instant until) {
        if (intents.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO lead_intents (person_id, created_at, email, first_name, "
                + "last_name, company, holder, held_until) "
                + "VALUES (:person, :at, :email, :firstName, :lastName, :company, :holder, :until)");
        for (LeadIntent i : intents) {
            batch.bind("person", i.personId()).bind("at", i.createdAt()).bind("email", i.fields().email())
                    .bind("firstName", i.fields().firstName()).bind("lastName", i.fields().lastName())
                    .bind("company", i.fields().company()).bind("holder", holder)
                    .bindByType("until", until, Instant.class).add();
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
