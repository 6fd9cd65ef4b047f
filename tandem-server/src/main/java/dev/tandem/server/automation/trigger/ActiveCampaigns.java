package dev.tandem.server.automation.trigger;

import dev.tandem.server.automation.model.SmartCampaign;
import dev.tandem.server.automation.store.CampaignStore;
import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * The active trigger campaigns, cached per node and re-read when the database says they changed (one cheap query
 * per evaluation batch), so a campaign activated on another node is seen on the next batch.
 */
public final class ActiveCampaigns {

    private final CampaignStore store = new CampaignStore();
    private long version = -1;
    private List<SmartCampaign> campaigns = List.of();

    /** The active trigger campaigns as of now. */
    public synchronized List<SmartCampaign> current(Handle h) {
        long now = store.version(h);
        if (now != version) {
            campaigns = store.activeTriggerCampaigns(h);
            version = now;
        }
        return campaigns;
    }
}
