package dev.tandem.server.automation.model;

import java.util.List;

/** Which Salesforce campaigns a trigger listens to: any campaign, or one of a list. */
public record CampaignSelector(boolean any, List<String> campaignIds) {

    public CampaignSelector {
        campaignIds = any || campaignIds == null ? List.of() : List.copyOf(campaignIds);
    }

    /** Any campaign. */
    public static CampaignSelector anyCampaign() {
        return new CampaignSelector(true, List.of());
    }

    /** One of these campaigns. */
    public static CampaignSelector of(String... ids) {
        return new CampaignSelector(false, List.of(ids));
    }

    /** Whether the campaign (null when unknown) is selected. */
    public boolean matches(String campaignId) {
        if (any) {
            return true;
        }
        String key = SfdcCampaignIds.key(campaignId);
        return key != null && campaignIds.stream().anyMatch(id -> SfdcCampaignIds.key(id).equals(key));
    }
}
