package dev.tandem.server.sync.watch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL over {@code watched_campaign_members}; every method runs in the caller's transaction. */
public final class WatchedMemberStore {

    private static final String COLUMNS = "sf_member_id, campaign_key, lead_id, contact_id, sf_status, sf_modstamp, "
            + "last_pushed_status, last_pulled_at";

    /** The rows of these CampaignMembers, keyed by CampaignMember id. */
    public Map<String, WatchedMember> byIds(Handle h, Collection<String> memberIds) {
        Map<String, WatchedMember> rows = new HashMap<>();
        List<String> ids = List.copyOf(memberIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            h.createQuery("SELECT " + COLUMNS + " FROM watched_campaign_members WHERE sf_member_id IN (<ids>)")
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .map((rs, ctx) -> row(rs)).forEach(r -> rows.put(r.sfMemberId(), r));
        }
        return rows;
    }

    /** The rows of the Leads/Contacts with these Salesforce ids, in any watched campaign. */
    public void forPeople(Handle h, Collection<String> personSfIds, Consumer<WatchedMember> sink) {
        List<String> ids = List.copyOf(personSfIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            h.createQuery("SELECT " + COLUMNS + " FROM watched_campaign_members WHERE lead_id IN (<ids>) "
                            + "OR contact_id IN (<ids>)")
                    .bindList("ids", chunk).map((rs, ctx) -> row(rs)).forEach(sink);
        }
    }

    /** Stores rows, replacing earlier rows of the same CampaignMembers. */
    public void putAll(Handle tx, Collection<WatchedMember> rows) {
        if (rows.isEmpty()) {
            return;
        }
        deleteAll(tx, rows.stream().map(WatchedMember::sfMemberId).toList());
        PreparedBatch insert = tx.prepareBatch("INSERT INTO watched_campaign_members (" + COLUMNS + ") VALUES "
                + "(:id, :key, :lead, :contact, :status, :modstamp, :pushed, :pulledAt)");
        for (WatchedMember r : rows) {
            insert.bind("id", r.sfMemberId()).bind("key", r.campaignKey()).bind("lead", r.leadId())
                    .bind("contact", r.contactId()).bind("status", r.sfStatus()).bind("modstamp", r.sfModstamp())
                    .bind("pushed", r.lastPushedStatus()).bind("pulledAt", r.lastPulledAt()).add();
        }
        insert.execute();
    }

    /** Forgets these CampaignMembers. */
    public void deleteAll(Handle tx, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        PreparedBatch delete = tx.prepareBatch("DELETE FROM watched_campaign_members WHERE sf_member_id = :id");
        memberIds.forEach(id -> delete.bind("id", id).add());
        delete.execute();
    }

    /** Forgets every member of these campaigns. */
    public void deleteOfCampaigns(Handle tx, Collection<String> campaignKeys) {
        if (!campaignKeys.isEmpty()) {
            tx.createUpdate("DELETE FROM watched_campaign_members WHERE campaign_key IN (<keys>)")
                    .bindList("keys", List.copyOf(campaignKeys)).execute();
        }
    }

    /**
     * Forgets the campaign's members not seen since {@code since} (a full read started then and did not find them);
     * returns how many.
     */
    public int deleteUnseenSince(Handle tx, String campaignKey, Instant since) {
        return tx.createUpdate("DELETE FROM watched_campaign_members WHERE campaign_key = :key "
                        + "AND (last_pulled_at IS NULL OR last_pulled_at < :since)")
                .bind("key", campaignKey).bind("since", since).execute();
    }

    /** How many members of the campaign Salesforce holds, as far as Tandem knows. */
    public long count(Handle h, String campaignKey) {
        return h.createQuery("SELECT COUNT(*) FROM watched_campaign_members WHERE campaign_key = :key")
                .bind("key", campaignKey).mapTo(Long.class).one();
    }

    private static WatchedMember row(ResultSet rs) throws SQLException {
        return new WatchedMember(rs.getString("sf_member_id"), rs.getString("campaign_key"), rs.getString("lead_id"),
                rs.getString("contact_id"), rs.getString("sf_status"),
                WatchedCampaignStore.instant(rs, "sf_modstamp"), rs.getString("last_pushed_status"),
                WatchedCampaignStore.instant(rs, "last_pulled_at"));
    }
}
