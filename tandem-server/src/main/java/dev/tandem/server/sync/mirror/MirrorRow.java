package dev.tandem.server.sync.mirror;

import dev.tandem.server.sync.outbox.MemberKey;
import java.time.Instant;

/**
 * What Tandem believes Salesforce holds for one program member.
 *
 * @param sfModstamp       the CampaignMember's SystemModstamp when last read, null after a write of ours
 * @param lastPushedStatus the status Tandem last wrote, null when the row came from Salesforce
 */
public record MirrorRow(MemberKey member, String campaignId, String sfMemberId, String sfStatus, Instant sfModstamp,
                        String lastPushedStatus, Instant lastPulledAt) {
}
