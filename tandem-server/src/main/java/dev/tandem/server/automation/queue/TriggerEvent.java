package dev.tandem.server.automation.queue;

import java.time.Instant;

/**
 * One queued activity that triggers may listen to.
 *
 * @param subjectId      the program (activity 104) or smart campaign (activity 47) the activity is about
 * @param sfdcCampaignId the Salesforce campaign of activities 42/43/44, when known
 * @param tokens         JSON tokens given with an API request (activity 47), else null
 */
public record TriggerEvent(long id, long activityId, long personId, int typeId, Instant occurredAt, Long subjectId,
                           String sfdcCampaignId, String oldStatus, String newStatus, String tokens) {
}
