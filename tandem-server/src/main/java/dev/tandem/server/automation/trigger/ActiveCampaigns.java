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
    private String version;
    private List<SmartCampaign> campaigns = List.of();

    /** The active trigger campaigns as of now. */
    public synchronized List<SmartCampaign> current(Handle h) {
        String now = store.activeVersion(h);
        if (!now.equals(version)) {
            campaigns = store.activeTriggerCampaigns(h);
            version = now;
        }
        return campaigns;
    }
}
