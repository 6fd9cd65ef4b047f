package dev.tandem.server.automation.queue;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.server.automation.model.SfdcCampaignIds;
import dev.tandem.server.domain.activity.ActivityListener;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The durable trigger queue. As an {@link ActivityListener} it enqueues, inside the activity's own transaction,
 * every activity that an active trigger campaign listens to (see {@link ListenedActivityTypes}), so an event is
 * queued exactly when its activity commits and no row is written for activities nobody listens to. Workers claim
 * the oldest event of each person and delete it in the transaction that evaluates it.
 */
public final class TriggerQueue implements ActivityListener {

    /** The activity types triggers listen to. */
    public static final Set<Integer> TRIGGER_TYPES = Set.of(ActivityType.NEW_LEAD.id(),
            ActivityType.ADD_TO_SFDC_CAMPAIGN.id(), ActivityType.REMOVE_FROM_SFDC_CAMPAIGN.id(),
            ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN.id(), ActivityType.REQUEST_CAMPAIGN.id(),
            ActivityType.CHANGE_STATUS_IN_PROGRESSION.id());

    private static final String COLUMNS = "id, activity_id, person_id, type_id, occurred_at, subject_id, "
            + "sfdc_campaign_id, old_status, new_status, tokens";

    private final ListenedActivityTypes listened = new ListenedActivityTypes();

    @Override
    public void onAppended(Handle tx, Activity activity) {
        if (!TRIGGER_TYPES.contains(activity.type().id()) || !listened.current(tx).contains(activity.type().id())) {
            return;
        }
        String oldStatus = null;
        String newStatus = null;
        String campaign = null;
        switch (activity.type()) {
            case ADD_TO_SFDC_CAMPAIGN -> newStatus = text(activity, "Status");
            case REMOVE_FROM_SFDC_CAMPAIGN -> oldStatus = text(activity, "Status");
            case CHANGE_STATUS_IN_SFDC_CAMPAIGN, CHANGE_STATUS_IN_PROGRESSION -> {
                oldStatus = text(activity, "Old Status");
                newStatus = text(activity, "New Status");
            }
            default -> {
            }
        }
        if (isSfdcCampaignActivity(activity.type()) && activity.primaryAttributeValueId() != null) {
            // The campaign sync names the linked program as the primary attribute; the campaign is the program's.
            campaign = tx.createQuery("SELECT sfdc_campaign_id FROM programs WHERE id = :id")
                    .bind("id", activity.primaryAttributeValueId()).mapTo(String.class).findOne().orElse(null);
        } else if (isSfdcCampaignActivity(activity.type())
                && SfdcCampaignIds.isCampaignId(activity.primaryAttributeValue())) {
            // A campaign linked to no program (a watched one) has no Tandem id: its Salesforce id is the value.
            campaign = activity.primaryAttributeValue();
        }
        tx.createUpdate("INSERT INTO automation_trigger_events (activity_id, person_id, type_id, occurred_at, "
                        + "subject_id, sfdc_campaign_id, old_status, new_status) VALUES (:activity, :person, :type, "
                        + ":at, :subject, :campaign, :old, :new)")
                .bind("activity", activity.id()).bind("person", activity.personId()).bind("type", activity.type().id())
                .bind("at", activity.occurredAt()).bind("subject", activity.primaryAttributeValueId())
                .bind("campaign", campaign).bind("old", oldStatus).bind("new", newStatus)
                .execute();
    }

    /**
     * Names the Salesforce campaign of a just-appended 42/43/44 activity that has no linked program (a flow step on
     * an unlinked campaign), in the same transaction.
     */
    public void nameSalesforceCampaign(Handle tx, long activityId, String sfdcCampaignId) {
        tx.createUpdate("UPDATE automation_trigger_events SET sfdc_campaign_id = :campaign WHERE activity_id = :id")
                .bind("campaign", sfdcCampaignId).bind("id", activityId).execute();
    }

    /** Attaches API request tokens to a just-appended activity 47, in the same transaction. */
    public void attachTokens(Handle tx, long activityId, String tokensJson) {
        tx.createUpdate("UPDATE automation_trigger_events SET tokens = :tokens WHERE activity_id = :id")
                .bind("tokens", tokensJson).bind("id", activityId).execute();
    }

    /**
     * Locks and returns up to {@code limit} events, each the oldest queued event of its person; events another
     * transaction holds are skipped, and a person's later events wait until the earlier one is gone.
     *
     * <p>It reads the oldest events without locks, keeps each person's first (which is that person's oldest, as
     * the read starts at the oldest event of all), then locks those with SKIP LOCKED: a person whose oldest event
     * another node holds is left out, never overtaken. This costs two index range reads instead of a correlated
     * sub-query per queued event.
     */
    public List<TriggerEvent> claimHeads(Handle tx, int limit) {
        List<long[]> window = tx.createQuery("SELECT id, person_id FROM automation_trigger_events ORDER BY id "
                        + "LIMIT :window")
                .bind("window", limit * 4).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        Set<Long> seen = new HashSet<>();
        List<Long> heads = new ArrayList<>();
        for (long[] row : window) {
            if (seen.add(row[1]) && heads.size() < limit) {
                heads.add(row[0]);
            }
        }
        if (heads.isEmpty()) {
            return List.of();
        }
        return tx.createQuery("SELECT " + COLUMNS + " FROM automation_trigger_events WHERE id IN (<ids>) "
                        + "ORDER BY id FOR UPDATE SKIP LOCKED")
                .bindList("ids", heads).map((rs, ctx) -> event(rs)).list();
    }

    /** Removes evaluated events. */
    public void delete(Handle tx, Collection<Long> ids) {
        if (!ids.isEmpty()) {
            tx.createUpdate("DELETE FROM automation_trigger_events WHERE id IN (<ids>)").bindList("ids", List.copyOf(ids))
                    .execute();
        }
    }

    /** How many events wait to be evaluated. */
    public long pending(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM automation_trigger_events").mapTo(Long.class).one();
    }

    private static boolean isSfdcCampaignActivity(ActivityType type) {
        return type == ActivityType.ADD_TO_SFDC_CAMPAIGN || type == ActivityType.REMOVE_FROM_SFDC_CAMPAIGN
                || type == ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN;
    }

    private static String text(Activity activity, String attribute) {
        Object value = activity.attributes().get(attribute);
        return value == null ? null : value.toString();
    }

    private static TriggerEvent event(ResultSet rs) throws SQLException {
        long subject = rs.getLong("subject_id");
        Long subjectId = rs.wasNull() ? null : subject;
        return new TriggerEvent(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("person_id"),
                rs.getInt("type_id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), subjectId,
                rs.getString("sfdc_campaign_id"), rs.getString("old_status"), rs.getString("new_status"),
                rs.getString("tokens"));
    }
}
