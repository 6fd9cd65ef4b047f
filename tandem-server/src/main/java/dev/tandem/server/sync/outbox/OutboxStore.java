package dev.tandem.server.sync.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL over {@code sync_outbox}. Every method runs on the caller's handle, inside the caller's transaction.
 *
 * <p>Claiming is per member: a node claims the oldest row of a member (locked with {@code FOR UPDATE SKIP
 * LOCKED}, so two nodes never claim the same member) and with it every other unclaimed row of that member, then
 * holds them under a time lease while it talks to Salesforce outside any transaction. A node that dies simply
 * lets its lease expire.
 */
public final class OutboxStore {

    private static final String COLUMNS = "id, program_id, person_id, desired_action, desired_status, origin, "
            + "created_at, attempts";

    /** Records that a member's desired state changed. */
    public void append(Handle handle, MemberKey member, DesiredState desired, String origin, Instant now) {
        handle.createUpdate("INSERT INTO sync_outbox (program_id, person_id, desired_action, desired_status, origin, "
                        + "created_at, attempts, next_attempt_at) VALUES (:program, :person, :action, :status, :origin, "
                        + ":now, 0, :now)")
                .bind("program", member.programId()).bind("person", member.personId())
                .bind("action", desired.isRemoved() ? "REMOVE" : "STATUS").bind("status", desired.status())
                .bind("origin", origin).bind("now", now)
                .execute();
    }

    /**
     * Records a desired state whose first push already failed elsewhere: the row waits until {@code nextAttemptAt}
     * with its attempt count and error, as if the pusher had tried it.
     */
    public void appendWaiting(Handle handle, MemberKey member, DesiredState desired, String origin, Instant now,
                              int attempts, Instant nextAttemptAt, String errorCode, String message) {
        handle.createUpdate("INSERT INTO sync_outbox (program_id, person_id, desired_action, desired_status, origin, "
                        + "created_at, attempts, next_attempt_at, last_error_code, last_error_message) VALUES "
                        + "(:program, :person, :action, :status, :origin, :now, :attempts, :next, :code, :message)")
                .bind("program", member.programId()).bind("person", member.personId())
                .bind("action", desired.isRemoved() ? "REMOVE" : "STATUS").bind("status", desired.status())
                .bind("origin", origin).bind("now", now).bind("attempts", attempts).bind("next", nextAttemptAt)
                .bind("code", errorCode).bind("message", truncate(message, 4000))
                .execute();
    }

    /** {@link #append} for many members at once (a reconcile queues a whole program). */
    public void appendAll(Handle handle, List<MemberKey> members, List<DesiredState> desired, String origin,
                          Instant now) {
        if (members.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO sync_outbox (program_id, person_id, desired_action, "
                + "desired_status, origin, created_at, attempts, next_attempt_at) VALUES (:program, :person, :action, "
                + ":status, :origin, :now, 0, :now)");
        for (int i = 0; i < members.size(); i++) {
            batch.bind("program", members.get(i).programId()).bind("person", members.get(i).personId())
                    .bind("action", desired.get(i).isRemoved() ? "REMOVE" : "STATUS")
                    .bind("status", desired.get(i).status()).bind("origin", origin).bind("now", now).add();
        }
        batch.execute();
    }

    /**
     * Claims the due work of up to {@code maxMembers} members for {@code lease} and returns their rows. A member
     * is due when any of its rows is due, and no node holds a lease on it.
     */
    public List<OutboxEntry> claim(Handle handle, String node, Instant now, Duration lease, int maxMembers) {
        List<long[]> heads = handle.createQuery("SELECT o.id, o.program_id, o.person_id FROM sync_outbox o "
                        + "WHERE (o.claimed_until IS NULL OR o.claimed_until < :now) "
                        + "AND o.id = (SELECT MIN(x.id) FROM sync_outbox x "
                        + "            WHERE x.program_id = o.program_id AND x.person_id = o.person_id) "
                        + "AND EXISTS (SELECT 1 FROM sync_outbox d WHERE d.program_id = o.program_id "
                        + "            AND d.person_id = o.person_id AND d.next_attempt_at <= :now) "
                        + "ORDER BY o.id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("now", now).bind("limit", maxMembers)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        // Whole milliseconds: the column keeps microseconds at most, and the rows are found again by equality.
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
        PreparedBatch leasing = handle.prepareBatch("UPDATE sync_outbox SET claimed_by = :node, claimed_until = :until "
                + "WHERE program_id = :program AND person_id = :person");
        for (long[] head : heads) {
            leasing.bind("node", node).bind("until", until).bind("program", head[1]).bind("person", head[2]).add();
        }
        leasing.execute();
        return handle.createQuery("SELECT " + COLUMNS + " FROM sync_outbox WHERE claimed_by = :node "
                        + "AND claimed_until = :until ORDER BY id")
                .bind("node", node).bind("until", until)
                .map((rs, ctx) -> entry(rs))
                .list();
    }

    /** Deletes rows Salesforce now reflects. */
    public void complete(Handle handle, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            handle.createUpdate("DELETE FROM sync_outbox WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids))
                    .execute();
        }
    }

    /** Keeps rows whose push failed, with the error and the time of the next attempt, and ends their lease. */
    public void fail(Handle handle, Collection<Long> ids, int attempts, Instant nextAttemptAt, String errorCode,
                     String message) {
        if (ids.isEmpty()) {
            return;
        }
        handle.createUpdate("UPDATE sync_outbox SET attempts = :attempts, next_attempt_at = :next, "
                        + "last_error_code = :code, last_error_message = :message, claimed_by = NULL, "
                        + "claimed_until = NULL WHERE id IN (<ids>)")
                .bind("attempts", attempts).bind("next", nextAttemptAt).bind("code", errorCode)
                .bind("message", truncate(message, 4000)).bindList("ids", List.copyOf(ids))
                .execute();
    }

    /** Ends the lease of rows that were not attempted (the run stopped early); they stay due. */
    public void release(Handle handle, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            handle.createUpdate("UPDATE sync_outbox SET claimed_by = NULL, claimed_until = NULL WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(ids)).execute();
        }
    }

    /**
     * Gives the rows back, due again at {@code dueAt} rather than at once: their work waits on something outside the
     * outbox (another creator making the person's Lead), which a round started at once would only find unchanged.
     */
    public void postpone(Handle handle, Collection<Long> ids, Instant dueAt) {
        if (!ids.isEmpty()) {
            handle.createUpdate("UPDATE sync_outbox SET claimed_by = NULL, claimed_until = NULL, next_attempt_at = :due "
                            + "WHERE id IN (<ids>)")
                    .bind("due", dueAt).bindList("ids", List.copyOf(ids)).execute();
        }
    }

    /**
     * Ends every lease {@code node} holds. Only for a node starting up under a fixed name: whatever its previous run
     * claimed died with it, and waiting for the leases to expire would stall that work.
     */
    public int releaseClaimsOf(Handle handle, String node) {
        return handle.createUpdate("UPDATE sync_outbox SET claimed_by = NULL, claimed_until = NULL "
                        + "WHERE claimed_by = :node")
                .bind("node", node).execute();
    }

    /** Makes a member's waiting rows due now (a user asked for a retry). */
    public int makeDue(Handle handle, MemberKey member, Instant now) {
        return handle.createUpdate("UPDATE sync_outbox SET next_attempt_at = :now WHERE program_id = :program "
                        + "AND person_id = :person")
                .bind("now", now).bind("program", member.programId()).bind("person", member.personId())
                .execute();
    }

    /** Which of these people have unsent changes in the program (they win a conflict with Salesforce). */
    public Set<MemberKey> pending(Handle handle, long programId, Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(handle.createQuery("SELECT DISTINCT program_id, person_id FROM sync_outbox "
                        + "WHERE program_id = :program AND person_id IN (<people>)")
                .bind("program", programId).bindList("people", List.copyOf(personIds))
                .map((rs, ctx) -> new MemberKey(rs.getLong(1), rs.getLong(2)))
                .list());
    }

    /** How many rows wait to be pushed. */
    public long countPending(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM sync_outbox").mapTo(Long.class).one();
    }

    /** Whether any row is due now and unclaimed (decides whether the pusher has work). */
    public boolean hasDueWork(Handle handle, Instant now) {
        return handle.createQuery("SELECT COUNT(*) FROM sync_outbox WHERE next_attempt_at <= :now "
                        + "AND (claimed_until IS NULL OR claimed_until < :now)")
                .bind("now", now).mapTo(Long.class).one() > 0;
    }

    /**
     * How many due, unclaimed rows touch a member that Salesforce holds according to the mirror (a member whose
     * CampaignMember Salesforce may have changed too), counted up to {@code upTo}. Adding a member Salesforce
     * does not hold is not counted: if Salesforce added it meanwhile, the insert reports a duplicate.
     */
    public int dueWorkOnHeldMembers(Handle handle, Instant now, int upTo) {
        return handle.createQuery("SELECT COUNT(*) FROM (SELECT o.id FROM sync_outbox o WHERE o.next_attempt_at <= :now "
                        + "AND (o.claimed_until IS NULL OR o.claimed_until < :now) AND EXISTS (SELECT 1 FROM "
                        + "campaign_member_mirror m WHERE m.program_id = o.program_id AND m.person_id = o.person_id) "
                        + "FETCH FIRST :upTo ROWS ONLY) due")
                .bind("now", now).bind("upTo", upTo).mapTo(Integer.class).one();
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        DesiredState desired = "REMOVE".equals(rs.getString("desired_action"))
                ? DesiredState.REMOVED : DesiredState.member(rs.getString("desired_status"));
        return new OutboxEntry(rs.getLong("id"), new MemberKey(rs.getLong("program_id"), rs.getLong("person_id")),
                desired, rs.getString("origin"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("attempts"));
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
