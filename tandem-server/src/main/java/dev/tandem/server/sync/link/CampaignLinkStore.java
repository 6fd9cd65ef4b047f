package dev.tandem.server.sync.link;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code campaign_links} table. Every method runs on the caller's handle, inside the caller's transaction. */
public final class CampaignLinkStore {

    private static final String COLUMNS = "program_id, campaign_id, campaign_name, linked_at, paused,"
            + " initial_reconcile_state, last_full_reconcile_at";

    /** A PENDING reconcile, or a RUNNING one whose owner's lease ended (or was never recorded). */
    private static final String RESUMABLE = "(initial_reconcile_state = 'PENDING' OR (initial_reconcile_state = "
            + "'RUNNING' AND (initial_reconcile_until IS NULL OR initial_reconcile_until < :now)))";

    private static final RowMapper<CampaignLink> LINK = (rs, ctx) -> new CampaignLink(rs.getLong(1),
            rs.getString(2), rs.getString(3), instant(rs.getObject(4, OffsetDateTime.class)), rs.getBoolean(5),
            ReconcileState.valueOf(rs.getString(6)), instant(rs.getObject(7, OffsetDateTime.class)));

    /** A campaign whose Type/ActualCost Salesforce does not hold yet, at the change count to confirm. */
    public record PendingFields(long programId, String campaignId, long version) {
    }

    /** The link of a program, if it has one. */
    public Optional<CampaignLink> byProgram(Handle handle, long programId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM campaign_links WHERE program_id = :id")
                .bind("id", programId).map(LINK).findOne();
    }

    /** The link of a campaign, if a program links it. */
    public Optional<CampaignLink> byCampaign(Handle handle, String campaignId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM campaign_links WHERE campaign_id = :id")
                .bind("id", campaignId).map(LINK).findOne();
    }

    /** Every link, by program id. */
    public List<CampaignLink> all(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM campaign_links ORDER BY program_id").map(LINK).list();
    }

    /** The links the sync engine serves: those not paused. */
    public List<CampaignLink> active(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM campaign_links WHERE paused = FALSE"
                + " ORDER BY program_id").map(LINK).list();
    }

    /** Linked program id per campaign id, for those of {@code campaignIds} that are linked. */
    public Map<String, Long> programsOf(Handle handle, Collection<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        return handle.createQuery("SELECT campaign_id, program_id FROM campaign_links WHERE campaign_id IN (<ids>)")
                .bindList("ids", List.copyOf(campaignIds))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Records a new link; its Type/ActualCost count as not yet pushed. */
    public void insert(Handle handle, CampaignLink link) {
        handle.createUpdate("INSERT INTO campaign_links (" + COLUMNS + ") VALUES (:programId, :campaignId,"
                        + " :campaignName, :linkedAt, :paused, :state, NULL)")
                .bind("programId", link.programId())
                .bind("campaignId", link.campaignId())
                .bind("campaignName", link.campaignName())
                .bind("linkedAt", utc(link.linkedAt()))
                .bind("paused", link.paused())
                .bind("state", link.initialReconcileState().name())
                .execute();
    }

    /** Removes a program's link; false when it had none. */
    public boolean delete(Handle handle, long programId) {
        return handle.createUpdate("DELETE FROM campaign_links WHERE program_id = :id").bind("id", programId)
                .execute() == 1;
    }

    /** Records the progress of the reconcile that follows a link; DONE also stamps the last full reconcile. */
    public void setInitialReconcileState(Handle handle, long programId, ReconcileState state, Instant at) {
        String stamp = (state == ReconcileState.DONE ? ", last_full_reconcile_at = :at" : "")
                // Only a running reconcile has an owner; its lease ends with it.
                + (state == ReconcileState.RUNNING ? "" : ", initial_reconcile_owner = NULL, initial_reconcile_until = NULL");
        handle.createUpdate("UPDATE campaign_links SET initial_reconcile_state = :state" + stamp
                        + " WHERE program_id = :id")
                .bind("state", state.name())
                .bind("at", utc(at))
                .bind("id", programId)
                .execute();
    }

    /**
     * Moves an unpaused link's initial reconcile to RUNNING for {@code owner} until {@code until}: a PENDING one, or
     * a RUNNING one whose owner is gone (its lease ended before {@code now}, or no owner was recorded). False when
     * the link is paused, another owner's lease runs, the reconcile is over, or the link is gone.
     */
    public boolean claimInitialReconcile(Handle handle, long programId, String owner, Instant now, Instant until) {
        return handle.createUpdate("UPDATE campaign_links SET initial_reconcile_state = 'RUNNING', "
                        + "initial_reconcile_owner = :owner, initial_reconcile_until = :until "
                        + "WHERE program_id = :id AND paused = FALSE AND " + RESUMABLE)
                .bind("owner", owner).bind("until", utc(until)).bind("now", utc(now)).bind("id", programId)
                .execute() == 1;
    }

    /** Unpaused links whose initial reconcile waits for a node: PENDING, or RUNNING with its owner gone. */
    public List<Long> resumableInitialReconciles(Handle handle, Instant now) {
        return handle.createQuery("SELECT program_id FROM campaign_links WHERE paused = FALSE AND " + RESUMABLE
                        + " ORDER BY program_id")
                .bind("now", utc(now)).mapTo(Long.class).list();
    }

    /** Extends {@code owner}'s lease on the initial reconciles of these programs it is running. */
    public int renewInitialReconciles(Handle handle, Collection<Long> programIds, String owner, Instant until) {
        if (programIds.isEmpty()) {
            return 0;
        }
        return handle.createUpdate("UPDATE campaign_links SET initial_reconcile_until = :until "
                        + "WHERE program_id IN (<ids>) AND initial_reconcile_state = 'RUNNING' "
                        + "AND initial_reconcile_owner = :owner")
                .bindList("ids", List.copyOf(programIds)).bind("owner", owner).bind("until", utc(until)).execute();
    }

    /**
     * Ends the leases of the initial reconciles {@code owner} was running, for a node starting again under its
     * fixed name: they died with its previous process and are resumable at once.
     */
    public int releaseInitialReconcilesOf(Handle handle, String owner) {
        return handle.createUpdate("UPDATE campaign_links SET initial_reconcile_until = NULL "
                        + "WHERE initial_reconcile_state = 'RUNNING' AND initial_reconcile_owner = :owner")
                .bind("owner", owner).execute();
    }

    /** Notes that a linked program's channel or costs changed; does nothing for an unlinked program. */
    public void markFieldsChanged(Handle handle, long programId) {
        handle.createUpdate("UPDATE campaign_links SET fields_version = fields_version + 1 WHERE program_id = :id")
                .bind("id", programId).execute();
    }

    /** Unpaused links whose Type/ActualCost Salesforce does not hold yet. */
    public List<PendingFields> pendingFields(Handle handle) {
        return handle.createQuery("SELECT program_id, campaign_id, fields_version FROM campaign_links"
                        + " WHERE fields_version > fields_pushed_version AND paused = FALSE ORDER BY program_id")
                .map((rs, ctx) -> new PendingFields(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** Confirms that Salesforce holds the values of change count {@code version}; later changes stay pending. */
    public void markFieldsPushed(Handle handle, long programId, long version) {
        handle.createUpdate("UPDATE campaign_links SET fields_pushed_version = :v, fields_push_error = NULL"
                        + " WHERE program_id = :id AND fields_pushed_version < :v")
                .bind("v", version).bind("id", programId).execute();
    }

    /**
     * Records why a Type/ActualCost push was refused for good (e.g. the campaign is gone): the change count is
     * settled so it is not sent again, and the next change is pushed as usual.
     */
    public void markFieldsRefused(Handle handle, long programId, long version, String message) {
        handle.createUpdate("UPDATE campaign_links SET fields_pushed_version = :v, fields_push_error = :m"
                        + " WHERE program_id = :id AND fields_pushed_version < :v")
                .bind("v", version).bind("m", trim(message)).bind("id", programId).execute();
    }

    /** Records why the last Type/ActualCost push failed; the push is retried on the next round. */
    public void markFieldsPushFailed(Handle handle, long programId, String message) {
        handle.createUpdate("UPDATE campaign_links SET fields_push_error = :m WHERE program_id = :id")
                .bind("m", trim(message)).bind("id", programId).execute();
    }

    private static String trim(String message) {
        return message == null ? null : message.substring(0, Math.min(message.length(), 2000));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
