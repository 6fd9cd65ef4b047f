package dev.tandem.server.sync.watch;

import java.time.Instant;

/**
 * A Salesforce campaign named by at least one smart campaign.
 *
 * @param campaignKey the 15-character id (the key of its members)
 * @param campaignId  the id as Salesforce spells it (18 characters once a full read saw it), used in queries
 * @param name        the campaign's name as its last full read found it; null before one (or if it was gone)
 * @param snapshotAt  when its last full read finished; null while one is due
 * @param refusedAt   when Salesforce refused its full read (it is left out of polls until retried), else null
 */
public record WatchedCampaign(String campaignKey, String campaignId, String name, Instant watchedSince,
                              Instant snapshotAt, Instant refusedAt) {

    /** Whether the pull must read all its members before following its changes. */
    public boolean needsSnapshot() {
        return snapshotAt == null;
    }

    /** Whether Salesforce refused to read it and nobody retried since. */
    public boolean refused() {
        return refusedAt != null;
    }
}
