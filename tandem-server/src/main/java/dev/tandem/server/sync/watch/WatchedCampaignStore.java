package dev.tandem.server.sync.watch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL over {@code sfdc_campaign_references} and {@code watched_campaigns}: which smart campaign names which
 * Salesforce campaign, and the watch of each named campaign. Every method runs in the caller's transaction.
 */
public final class WatchedCampaignStore {

    private final WatchedMemberStore members = new WatchedMemberStore();

    /**
     * Makes {@code campaignsByKey} (15-character key → id) the campaigns the smart campaign names: a campaign named
     * for the first time starts a watch (its full read is then due), a campaign nobody names any more ends its watch
     * and its member rows are dropped (a later watch reads it afresh).
     */
    public void replaceReferences(Handle tx, long smartCampaignId, Map<String, String> campaignsByKey, Instant now) {
        Set<String> before = new HashSet<>(tx.createQuery("SELECT campaign_key FROM sfdc_campaign_references "
                        + "WHERE smart_campaign_id = :id")
                .bind("id", smartCampaignId).mapTo(String.class).list());
        tx.createUpdate("DELETE FROM sfdc_campaign_references WHERE smart_campaign_id = :id")
                .bind("id", smartCampaignId).execute();
        if (!campaignsByKey.isEmpty()) {
            PreparedBatch insert = tx.prepareBatch("INSERT INTO sfdc_campaign_references (smart_campaign_id, "
                    + "campaign_key, campaign_id) VALUES (:smart, :key, :id)");
            PreparedBatch watch = tx.prepareBatch("INSERT INTO watched_campaigns (campaign_key, campaign_id, "
                    + "watched_since) SELECT :key, :id, :now WHERE NOT EXISTS (SELECT 1 FROM watched_campaigns "
                    + "WHERE campaign_key = :key)");
            campaignsByKey.forEach((key, id) -> {
                insert.bind("smart", smartCampaignId).bind("key", key).bind("id", id).add();
                watch.bind("key", key).bind("id", id).bind("now", now).add();
            });
            insert.execute();
            watch.execute();
            // Saving a document that names a refused campaign is the user's way of asking to try it again.
            tx.createUpdate("UPDATE watched_campaigns SET refused_at = NULL WHERE campaign_key IN (<keys>) "
                    + "AND refused_at IS NOT NULL").bindList("keys", List.copyOf(campaignsByKey.keySet())).execute();
        }
        before.removeAll(campaignsByKey.keySet());
        if (!before.isEmpty()) {
            dropUnreferenced(tx, before);
        }
        tx.createUpdate("UPDATE automation_smart_campaigns SET sfdc_references_indexed = TRUE WHERE id = :id")
                .bind("id", smartCampaignId).execute();
    }

    /** Ends the watches, with their member rows, of these campaigns that no smart campaign names any more. */
    public void dropUnreferenced(Handle tx, Set<String> keys) {
        List<String> gone = tx.createQuery("SELECT campaign_key FROM watched_campaigns w WHERE campaign_key IN "
                        + "(<keys>) AND NOT EXISTS (SELECT 1 FROM sfdc_campaign_references r "
                        + "WHERE r.campaign_key = w.campaign_key)")
                .bindList("keys", List.copyOf(keys)).mapTo(String.class).list();
        end(tx, gone);
    }

    /**
     * Ends every watch no smart campaign names (smart campaigns deleted along with their program leave such
     * watches behind); returns how many ended.
     */
    public int dropAllUnreferenced(Handle tx) {
        List<String> gone = tx.createQuery("SELECT campaign_key FROM watched_campaigns w WHERE NOT EXISTS "
                        + "(SELECT 1 FROM sfdc_campaign_references r WHERE r.campaign_key = w.campaign_key)")
                .mapTo(String.class).list();
        end(tx, gone);
        return gone.size();
    }

    private void end(Handle tx, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        // The watch rows go first: a snapshot page holding one (see lockIfWatched) finishes before its members go.
        tx.createUpdate("DELETE FROM watched_campaigns WHERE campaign_key IN (<keys>)").bindList("keys", keys)
                .execute();
        members.deleteOfCampaigns(tx, keys);
    }

    /**
     * Locks the watch of the campaign until the transaction ends; false when it ended meanwhile (a snapshot page
     * then writes nothing, so no member rows outlive their watch).
     */
    public boolean lockIfWatched(Handle tx, String campaignKey) {
        return tx.createQuery("SELECT campaign_key FROM watched_campaigns WHERE campaign_key = :key FOR UPDATE")
                .bind("key", campaignKey).mapTo(String.class).findOne().isPresent();
    }

    /** Every watch, in key order. */
    public List<WatchedCampaign> all(Handle h) {
        return h.createQuery("SELECT campaign_key, campaign_id, campaign_name, watched_since, snapshot_at, refused_at "
                        + "FROM watched_campaigns ORDER BY campaign_key")
                .map((rs, ctx) -> watch(rs)).list();
    }

    /** The ids of the smart campaigns that name the campaign with this key, in id order. */
    public List<Long> referencedBy(Handle h, String campaignKey) {
        return h.createQuery("SELECT smart_campaign_id FROM sfdc_campaign_references WHERE campaign_key = :key "
                        + "ORDER BY smart_campaign_id")
                .bind("key", campaignKey).mapTo(Long.class).list();
    }

    /** Ids of smart campaigns whose references were never indexed (saved before watches existed). */
    public List<Long> unindexedSmartCampaigns(Handle h) {
        return h.createQuery("SELECT id FROM automation_smart_campaigns WHERE sfdc_references_indexed = FALSE "
                + "ORDER BY id").mapTo(Long.class).list();
    }

    /** Whether the smart campaign's references are indexed. */
    public boolean isIndexed(Handle h, long smartCampaignId) {
        return h.createQuery("SELECT sfdc_references_indexed FROM automation_smart_campaigns WHERE id = :id")
                .bind("id", smartCampaignId).mapTo(Boolean.class).findOne().orElse(true);
    }

    /** Whether a full read of the watched campaign finished, so its member rows are all Salesforce holds. */
    public boolean hasSnapshot(Handle h, String campaignKey) {
        return h.createQuery("SELECT COUNT(*) FROM watched_campaigns WHERE campaign_key = :key "
                        + "AND snapshot_at IS NOT NULL")
                .bind("key", campaignKey).mapTo(Long.class).one() > 0;
    }

    /**
     * Notes a finished full read of the campaign, the id as Salesforce spells it and the name it found (null when
     * Salesforce returned none).
     */
    public void snapshotTaken(Handle tx, String campaignKey, String campaignId, String name, Instant at) {
        tx.createUpdate("UPDATE watched_campaigns SET snapshot_at = :at, campaign_id = :id, campaign_name = :name "
                        + "WHERE campaign_key = :key")
                .bind("at", at).bind("id", campaignId).bind("name", name).bind("key", campaignKey).execute();
    }

    /** Leaves the campaign out of polls: Salesforce refused to read it. */
    public void refuse(Handle tx, String campaignKey, Instant at) {
        tx.createUpdate("UPDATE watched_campaigns SET refused_at = :at WHERE campaign_key = :key")
                .bind("at", at).bind("key", campaignKey).execute();
    }

    /** Makes a refused campaign's full read due again (a retry of its sync error); false when it is not watched. */
    public boolean retryRefused(Handle tx, String campaignId) {
        return tx.createUpdate("UPDATE watched_campaigns SET refused_at = NULL, snapshot_at = NULL "
                        + "WHERE campaign_key = :key")
                .bind("key", campaignId.length() < 15 ? campaignId : campaignId.substring(0, 15)).execute() > 0;
    }

    /**
     * Sets a watch aside while its campaign is linked to a program (the mirror then holds its members): its rows
     * are dropped and a full read is due should the campaign be unlinked.
     */
    public void setAsideWhileLinked(Handle tx, String campaignKey) {
        members.deleteOfCampaigns(tx, List.of(campaignKey));
        tx.createUpdate("UPDATE watched_campaigns SET snapshot_at = NULL WHERE campaign_key = :key")
                .bind("key", campaignKey).execute();
    }

    private static WatchedCampaign watch(ResultSet rs) throws SQLException {
        return new WatchedCampaign(rs.getString("campaign_key"), rs.getString("campaign_id"),
                rs.getString("campaign_name"), instant(rs, "watched_since"), instant(rs, "snapshot_at"), instant(rs, "refused_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
