package dev.tandem.server.automation.flow;

import org.jdbi.v3.core.Handle;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SQL over {@code automation_flow_runs} and {@code automation_step_log}; caller's transaction. */
public final class FlowRunStore {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";

    private static final String COLUMNS = "id, campaign_id, person_id, activity_id, batch_run_id, next_step, tokens";

    /** A trigger run to start: the campaign fired for the person on the activity. */
    public record TriggeredStart(long campaignId, long personId, long activityId, String tokens,
                                 boolean qualifiedBefore) {
    }

    /**
     * Starts trigger runs in one batched statement. Each (campaign, activity) pair is unique: the caller holds the
     * activity's queued event locked and deletes it in the same transaction, and the unique constraint backs that
     * up across nodes (a duplicate would fail the transaction, leaving the event queued).
     */
    public void startTriggered(Handle h, List<TriggeredStart> starts, Instant now) {
        if (starts.isEmpty()) {
            return;
        }
        var batch = h.prepareBatch("INSERT INTO automation_flow_runs (campaign_id, person_id, activity_id, next_step, "
                + "state, due_at, tokens, created_at) VALUES (:c, :p, :a, 0, :state, :now, :tokens, :now)");
        for (TriggeredStart s : starts) {
            batch.bind("c", s.campaignId()).bind("p", s.personId()).bind("a", s.activityId()).bind("state", PENDING)
                    .bind("tokens", s.tokens()).bind("now", now).add();
        }
        batch.execute();
    }

    /** Starts a batch run for each person. */
    public void startBatch(Handle h, long campaignId, long batchRunId, Collection<Long> personIds, String tokens,
                           Instant now) {
        var batch = h.prepareBatch("INSERT INTO automation_flow_runs (campaign_id, person_id, batch_run_id, next_step, "
                + "state, due_at, tokens, created_at) VALUES (:c, :p, :b, 0, :state, :now, :tokens, :now)");
        for (long person : personIds) {
            batch.bind("c", campaignId).bind("p", person).bind("b", batchRunId).bind("state", PENDING)
                    .bind("tokens", tokens).bind("now", now).add();
        }
        if (!personIds.isEmpty()) {
            batch.execute();
        }
    }

    /**
     * Leases up to {@code limit} due runs to {@code node}: runs no live lease holds, each the earliest due run of
     * its person, so one person's runs execute in the order their activities arrived. As with the trigger queue,
     * the earliest due runs are read without locks, each person's first is kept (a person whose first run is leased
     * elsewhere is left out), and those are locked with SKIP LOCKED.
     */
    public List<FlowRun> claimDue(Handle h, String node, Instant now, Duration lease, int limit) {
        List<Object[]> window = h.createQuery("SELECT id, person_id, claimed_until FROM automation_flow_runs "
                        + "WHERE state = :pending AND due_at <= :now ORDER BY id LIMIT :window")
                .bind("pending", PENDING).bind("now", now).bind("window", limit * 4)
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class)})
                .list();
        Set<Long> seen = new HashSet<>();
        List<Long> heads = new ArrayList<>();
        for (Object[] row : window) {
            OffsetDateTime leased = (OffsetDateTime) row[2];
            boolean free = leased == null || leased.toInstant().isBefore(now);
            if (seen.add((Long) row[1]) && free && heads.size() < limit) {
                heads.add((Long) row[0]);
            }
        }
        if (heads.isEmpty()) {
            return List.of();
        }
        // Re-checked under the lock: another node may have leased or finished a run since the read.
        List<Long> ids = h.createQuery("SELECT id FROM automation_flow_runs WHERE id IN (<ids>) AND state = :pending "
                        + "AND (claimed_until IS NULL OR claimed_until < :now) ORDER BY id FOR UPDATE SKIP LOCKED")
                .bindList("ids", heads).bind("pending", PENDING).bind("now", now).mapTo(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        h.createUpdate("UPDATE automation_flow_runs SET claimed_by = :node, claimed_until = :until WHERE id IN (<ids>)")
                .bind("node", node).bind("until", now.plus(lease)).bindList("ids", ids).execute();
        return h.createQuery("SELECT " + COLUMNS + " FROM automation_flow_runs WHERE id IN (<ids>) ORDER BY id")
                .bindList("ids", ids).map((rs, ctx) -> {
                    long activity = rs.getLong("activity_id");
                    Long activityId = rs.wasNull() ? null : activity;
                    long batchRun = rs.getLong("batch_run_id");
                    Long batchRunId = rs.wasNull() ? null : batchRun;
                    return new FlowRun(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("person_id"),
                            activityId, batchRunId, rs.getInt("next_step"), rs.getString("tokens"));
                }).list();
    }

    /**
     * Moves runs this node holds to {@code step}, due at {@code dueAt}, and renews or ends the lease; returns how
     * many of them this node still held (fewer means another node took over after the lease expired).
     */
    public int advance(Handle h, String node, Collection<Long> runIds, int step, Instant dueAt, Instant leaseUntil) {
        return h.createUpdate("UPDATE automation_flow_runs SET next_step = :step, due_at = :due, "
                        + "claimed_until = :until WHERE id IN (<ids>) AND claimed_by = :node AND state = :pending")
                .bind("step", step).bind("due", dueAt).bind("until", leaseUntil).bind("node", node)
                .bind("pending", PENDING).bindList("ids", List.copyOf(runIds)).execute();
    }

    /**
     * Parks runs this node holds at {@code step} until {@code dueAt} and gives up their lease, so whichever node is
     * free then continues them; returns how many of them this node still held.
     */
    public int park(Handle h, String node, Collection<Long> runIds, int step, Instant dueAt) {
        return h.createUpdate("UPDATE automation_flow_runs SET next_step = :step, due_at = :due, claimed_by = NULL, "
                        + "claimed_until = NULL WHERE id IN (<ids>) AND claimed_by = :node AND state = :pending")
                .bind("step", step).bind("due", dueAt).bind("node", node).bind("pending", PENDING)
                .bindList("ids", List.copyOf(runIds)).execute();
    }

    /**
     * Gives up every lease {@code node} holds on pending runs, for a node starting again under its fixed name: what
     * its previous process leased is due again at once instead of when the lease ends. Returns how many.
     */
    public int releaseClaimsOf(Handle h, String node) {
        return h.createUpdate("UPDATE automation_flow_runs SET claimed_by = NULL, claimed_until = NULL "
                        + "WHERE claimed_by = :node AND state = :pending")
                .bind("node", node).bind("pending", PENDING).execute();
    }

    /** Marks runs finished; returns how many this node still held. */
    public int finish(Handle h, String node, Collection<Long> runIds, Instant now) {
        return h.createUpdate("UPDATE automation_flow_runs SET state = :done, finished_at = :now, claimed_by = NULL, "
                        + "claimed_until = NULL WHERE id IN (<ids>) AND claimed_by = :node AND state = :pending")
                .bind("done", DONE).bind("now", now).bind("node", node).bind("pending", PENDING)
                .bindList("ids", List.copyOf(runIds)).execute();
    }

    /** Records what a step did for each run of a group, in one batched statement. */
    public void log(Handle h, List<FlowRun> group, int step, String action, Map<Long, StepOutcome> outcomes,
                    Instant now) {
        var batch = h.prepareBatch("INSERT INTO automation_step_log (flow_run_id, campaign_id, person_id, step_index, "
                + "action, outcome, reason, occurred_at) VALUES (:run, :c, :p, :step, :action, :outcome, :reason, :now)");
        for (FlowRun run : group) {
            StepOutcome outcome = outcomes.getOrDefault(run.personId(), StepOutcome.skipped("Person not found"));
            batch.bind("run", run.id()).bind("c", run.campaignId()).bind("p", run.personId()).bind("step", step)
                    .bind("action", action).bind("outcome", outcome.kind().name())
                    .bind("reason", outcome.reason() == null ? null : truncate(outcome.reason()))
                    .bind("now", now).add();
        }
        if (!group.isEmpty()) {
            batch.execute();
        }
    }

    /** Up to {@code limit} step log entries of a campaign after entry {@code afterId}, optionally of one person. */
    public List<StepLogEntry> log(Handle h, long campaignId, Long personId, long afterId, int limit) {
        return h.createQuery("SELECT id, person_id, step_index, action, outcome, reason, occurred_at "
                        + "FROM automation_step_log WHERE campaign_id = :c AND id > :after"
                        + (personId == null ? "" : " AND person_id = :p") + " ORDER BY id LIMIT :limit")
                .bind("c", campaignId).bind("after", afterId).bind("p", personId).bind("limit", limit)
                .map((rs, ctx) -> new StepLogEntry(rs.getLong("id"), rs.getLong("person_id"), rs.getInt("step_index"),
                        rs.getString("action"), StepOutcome.Kind.valueOf(rs.getString("outcome")),
                        rs.getString("reason"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Whether any run is due now and not leased. */
    public boolean anyDue(Handle h, Instant now) {
        return h.createQuery("SELECT COUNT(*) FROM automation_flow_runs WHERE state = :pending AND due_at <= :now "
                        + "AND (claimed_until IS NULL OR claimed_until < :now)")
                .bind("pending", PENDING).bind("now", now).mapTo(Long.class).one() > 0;
    }

    private static String truncate(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
    }
}
