package dev.tandem.server.sync.watch;

import java.time.Instant;

/**
 * What Tandem believes Salesforce holds for one CampaignMember of a watched campaign.
 *
 * @param campaignKey      the campaign's 15-character id
 * @param sfModstamp       the SystemModstamp when last read, null after a write of Tandem's own
 * @param lastPushedStatus the status a flow step of Tandem last wrote, null when the row came from Salesforce
 */
public record WatchedMember(String sfMemberId, String campaignKey, String leadId, String contactId, String sfStatus,
                            Instant sfModstamp, String lastPushedStatus, Instant lastPulledAt) {

    /** The Salesforce id of the person: the Contact once the Lead was converted, else the Lead. */
    public String personSfId() {
        return contactId != null ? contactId : leadId;
    }
}
