package dev.tandem.server.automation.batch;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** SQL over {@code automation_batch_runs}; caller's transaction. */
public final class BatchRunStore {

    static final String SCHEDULED = "SCHEDULED";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";

    /** Schedules a run; returns its id. */
    public long schedule(Handle h, long campaignId, Instant runAt, String tokens, Instant now) {
        return h.createUpdate("INSERT INTO automation_batch_runs (campaign_id, run_at, state, tokens, created_at) "
                        + "VALUES (:c, :at, :state, :tokens, :now)")
                .bind("c", campaignId).bind("at", runAt).bind("state", SCHEDULED).bind("tokens", tokens)
                .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Locks the oldest due run no other node holds. */
    public Optional<BatchRun> claimDue(Handle h, Instant now) {
        return h.createQuery("SELECT id, campaign_id, run_at, state, tokens, people FROM automation_batch_runs "
                        + "WHERE state = :state AND run_at <= :now ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .bind("state", SCHEDULED).bind("now", now).map((rs, ctx) -> run(rs)).findOne();
    }

    /** Marks a run done with the number of people it started. */
    public void finish(Handle h, long id, String state, int people, Instant now) {
        h.createUpdate("UPDATE automation_batch_runs SET state = :state, people = :people, finished_at = :now "
                        + "WHERE id = :id")
                .bind("state", state).bind("people", people).bind("now", now).bind("id", id).execute();
    }

    /** Cancels a campaign's scheduled runs (a new schedule replaces them). */
    public void cancelScheduled(Handle h, long campaignId, Instant now) {
        h.createUpdate("UPDATE automation_batch_runs SET state = :cancelled, finished_at = :now WHERE campaign_id = :c "
                        + "AND state = :scheduled")
                .bind("cancelled", CANCELLED).bind("now", now).bind("c", campaignId).bind("scheduled", SCHEDULED)
                .execute();
    }

    /** The runs of a campaign, newest first. */
    public List<BatchRun> ofCampaign(Handle h, long campaignId, int limit) {
        return h.createQuery("SELECT id, campaign_id, run_at, state, tokens, people FROM automation_batch_runs "
                        + "WHERE campaign_id = :c ORDER BY id DESC LIMIT :limit")
                .bind("c", campaignId).bind("limit", limit).map((rs, ctx) -> run(rs)).list();
    }

    private static BatchRun run(java.sql.ResultSet rs) throws java.sql.SQLException {
        int people = rs.getInt("people");
        Integer count = rs.wasNull() ? null : people;
        return new BatchRun(rs.getLong("id"), rs.getLong("campaign_id"),
                rs.getObject("run_at", OffsetDateTime.class).toInstant(), rs.getString("state"), rs.getString("tokens"),
                count);
    }
}
