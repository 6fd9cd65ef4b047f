package dev.tandem.server.sync.link;

import java.time.Instant;

/**
 * A program linked to a Salesforce campaign.
 *
 * @param paused true while campaign sync is switched off: the sync engine leaves the link alone
 */
public record CampaignLink(long programId, String campaignId, String campaignName, Instant linkedAt,
                           boolean paused, ReconcileState initialReconcileState, Instant lastFullReconcileAt) {
}
