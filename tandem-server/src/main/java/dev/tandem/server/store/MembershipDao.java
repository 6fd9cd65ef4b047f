package dev.tandem.server.store;

import dev.tandem.core.membership.Membership;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and writes program memberships; writes are batched, reads are keyset-paged by person id. */
public final class MembershipDao {

    private static final String COLUMNS = "program_id, person_id, member_id, status, membership_date, "
            + "reached_success, reached_success_date, acquired_by, updated_at";

    /** Reads and row-locks the memberships of these people in the program, keyed by person id. */
    public Map<Long, StoredMembership> lockMembers(Handle handle, long programId, Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, StoredMembership> found = new HashMap<>();
        IdMatch people = IdMatch.of(handle);
        people.bind(handle.createQuery("SELECT " + COLUMNS + " FROM memberships WHERE "
                        + people.condition("program_id", "program", "person_id", "people")
                        + " ORDER BY person_id FOR UPDATE"),
                        "people", personIds)
                .bind("program", programId)
                .map((rs, ctx) -> row(rs))
                .forEach(m -> found.put(m.membership().personId(), m));
        return found;
    }

    /** The membership of one person in one program. */
    public Optional<StoredMembership> get(Handle handle, long programId, long personId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM memberships WHERE program_id = :program "
                        + "AND person_id = :person")
                .bind("program", programId).bind("person", personId).map((rs, ctx) -> row(rs)).findOne();
    }

    /** Stores new memberships (all of one program) and returns their member ids keyed by person id. */
    public Map<Long, Long> insert(Handle handle, long programId, List<Membership> memberships) {
        if (memberships.isEmpty()) {
            return Map.of();
        }
        var batch = handle.prepareBatch("INSERT INTO memberships (program_id, person_id, status, membership_date, "
                + "reached_success, reached_success_date, acquired_by, updated_at) VALUES (:program, :person, "
                + ":status, :membershipDate, :success, :successDate, :acquiredBy, :updatedAt)");
        for (Membership m : memberships) {
            bindRow(batch.bind("program", programId), m).add();
        }
        batch.execute();
        Map<Long, Long> ids = new HashMap<>();
        IdMatch people = IdMatch.of(handle);
        people.bind(handle.createQuery("SELECT person_id, member_id FROM memberships WHERE "
                        + people.condition("program_id", "program", "person_id", "people")),
                        "people", memberships.stream().map(Membership::personId).toList())
                .bind("program", programId)
                .map((rs, ctx) -> ids.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return ids;
    }

    /** Writes the changed state of existing memberships. */
    public void update(Handle handle, List<Membership> memberships) {
        if (memberships.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("UPDATE memberships SET status = :status, membership_date = :membershipDate, "
                + "reached_success = :success, reached_success_date = :successDate, acquired_by = :acquiredBy, "
                + "updated_at = :updatedAt WHERE program_id = :program AND person_id = :person");
        for (Membership m : memberships) {
            bindRow(batch.bind("program", m.programId()), m).add();
        }
        batch.execute();
    }

    /** Deletes the memberships of these people in the program. */
    public void delete(Handle handle, long programId, Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return;
        }
        IdMatch people = IdMatch.of(handle);
        people.bind(handle.createUpdate("DELETE FROM memberships WHERE "
                        + people.condition("program_id", "program", "person_id", "people")), "people", personIds)
                .bind("program", programId).execute();
    }

    /**
     * Up to {@code limit} members of the program after {@code afterPersonId}, in person id order; when
     * {@code statuses} is not empty only members holding one of them.
     */
    public List<StoredMembership> page(Handle handle, long programId, Collection<String> statuses, long afterPersonId,
                                       int limit) {
        String statusFilter = statuses.isEmpty() ? "" : "AND status IN (<statuses>) ";
        var query = handle.createQuery("SELECT " + COLUMNS + " FROM memberships WHERE program_id = :program "
                        + statusFilter + "AND person_id > :after ORDER BY person_id LIMIT :limit")
                .bind("program", programId).bind("after", afterPersonId).bind("limit", limit);
        if (!statuses.isEmpty()) {
            query.bindList("statuses", List.copyOf(statuses));
        }
        return query.map((rs, ctx) -> row(rs)).list();
    }

    /** Every membership of one person (a person belongs to a bounded number of programs). */
    public List<StoredMembership> byPerson(Handle handle, long personId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM memberships WHERE person_id = :person ORDER BY program_id")
                .bind("person", personId).map((rs, ctx) -> row(rs)).list();
    }

    /** How many members hold each status in the program, for status-compatibility checks. */
    public Map<String, Long> statusCounts(Handle handle, long programId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        handle.createQuery("SELECT status, COUNT(*) FROM memberships WHERE program_id = :program "
                        + "GROUP BY status ORDER BY status")
                .bind("program", programId)
                .map((rs, ctx) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    private static PreparedBatch bindRow(PreparedBatch batch,
                                         Membership m) {
        return batch.bind("person", m.personId()).bind("status", m.status())
                .bind("membershipDate", m.membershipDate()).bind("success", m.reachedSuccess())
                .bind("successDate", m.reachedSuccessDate()).bind("acquiredBy", m.acquiredBy())
                .bind("updatedAt", m.updatedAt());
    }

    private static StoredMembership row(ResultSet rs) throws SQLException {
        Instant successDate = TimeMapping.read(rs, "reached_success_date");
        return new StoredMembership(new Membership(rs.getLong("program_id"), rs.getLong("person_id"),
                rs.getString("status"), TimeMapping.read(rs, "membership_date"), rs.getBoolean("reached_success"),
                successDate, rs.getBoolean("acquired_by"), TimeMapping.read(rs, "updated_at")),
                rs.getLong("member_id"));
    }
}
