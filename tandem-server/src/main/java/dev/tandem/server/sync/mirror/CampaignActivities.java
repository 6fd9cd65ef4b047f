package dev.tandem.server.sync.mirror;

import dev.tandem.core.activity.Activity;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.sync.outbox.MemberKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Writes the Salesforce campaign activities (42 add, 43 remove, 44 status change) for a change Salesforce now
 * holds. Callers write one exactly when the mirror records that change, in the same transaction, so an echo (no
 * change to the mirror) never writes a second one. The primary attribute is the linked program (Tandem's id for
 * the campaign, which Salesforce identifies by a text id) with the campaign's name as its value; a campaign linked
 * to no program (a watched one) has no Tandem id, and its Salesforce id is the value.
 */
public final class CampaignActivities {

    /** Which side made the change; written as the activity's Source. */
    public enum Side {
        TANDEM("Tandem"), SALESFORCE("Salesforce");

        private final String label;

        Side(String label) {
            this.label = label;
        }
    }

    private final ActivityLog log;

    /** Activities appended to this log. */
    public CampaignActivities(ActivityLog log) {
        this.log = log;
    }

    /** The person was added to the campaign with {@code status}. */
    public void added(Handle tx, MemberKey member, String campaignName, String status, Side side, Instant at) {
        log.append(tx, addition(member, campaignName, status, side, at));
    }

    /** The person left the campaign, where they held {@code status}. */
    public void removed(Handle tx, MemberKey member, String campaignName, String status, Side side, Instant at) {
        log.append(tx, removal(member, campaignName, status, side, at));
    }

    /** The person's campaign status changed. */
    public void statusChanged(Handle tx, MemberKey member, String campaignName, String oldStatus, String newStatus,
                              Side side, Instant at) {
        log.append(tx, statusChange(member, campaignName, oldStatus, newStatus, side, at));
    }

    /** Writes activities built with the methods below, in one batch. */
    public void appendAll(Handle tx, List<Activity> activities) {
        for (int from = 0; from < activities.size(); from += ActivityLog.MAX_BATCH) {
            log.appendAll(tx, activities.subList(from, Math.min(activities.size(), from + ActivityLog.MAX_BATCH)));
        }
    }

    /** Activity 42, not yet written. */
    public Activity addition(MemberKey member, String campaignName, String status, Side side, Instant at) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Status", status);
        return build(member, campaignName, ActivityType.ADD_TO_SFDC_CAMPAIGN, attributes, side, at);
    }

    /** Activity 43, not yet written. */
    public Activity removal(MemberKey member, String campaignName, String status, Side side, Instant at) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Status", status);
        return build(member, campaignName, ActivityType.REMOVE_FROM_SFDC_CAMPAIGN, attributes, side, at);
    }

    /** Activity 44, not yet written. */
    public Activity statusChange(MemberKey member, String campaignName, String oldStatus, String newStatus, Side side,
                                 Instant at) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Old Status", oldStatus);
        attributes.put("New Status", newStatus);
        return build(member, campaignName, ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN, attributes, side, at);
    }

    /** Activity 42 for a campaign linked to no program, not yet written. */
    public Activity unlinkedAddition(long personId, String campaignId, String status, Instant at) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Status", status);
        return build(personId, null, campaignId, ActivityType.ADD_TO_SFDC_CAMPAIGN, attributes, Side.SALESFORCE, at);
    }

    /** Activity 43 for a campaign linked to no program, not yet written. */
    public Activity unlinkedRemoval(long personId, String campaignId, String status, Instant at) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Status", status);
        return build(personId, null, campaignId, ActivityType.REMOVE_FROM_SFDC_CAMPAIGN, attributes, Side.SALESFORCE,
                at);
    }

    /** Activity 44 for a campaign linked to no program, not yet written. */
    public Activity unlinkedStatusChange(long personId, String campaignId, String oldStatus, String newStatus,
                                         Instant at) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("Old Status", oldStatus);
        attributes.put("New Status", newStatus);
        return build(personId, null, campaignId, ActivityType.CHANGE_STATUS_IN_SFDC_CAMPAIGN, attributes,
                Side.SALESFORCE, at);
    }

    private static Activity build(MemberKey member, String campaignName, ActivityType type,
                                  Map<String, Object> attributes, Side side, Instant at) {
        return build(member.personId(), member.programId(), campaignName, type, attributes, side, at);
    }

    private static Activity build(long personId, Long programId, String campaignName, ActivityType type,
                                  Map<String, Object> attributes, Side side, Instant at) {
        attributes.put("Reason", side == Side.TANDEM ? "Pushed by campaign sync" : "Pulled by campaign sync");
        attributes.put("Source", side.label);
        return Activity.of(personId, at, type, null, programId, campaignName, attributes);
    }
}
