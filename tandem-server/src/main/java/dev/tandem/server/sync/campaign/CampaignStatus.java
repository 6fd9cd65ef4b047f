package dev.tandem.server.sync.campaign;

/** One CampaignMemberStatus row of a Salesforce campaign. */
public record CampaignStatus(String id, String label, Integer sortOrder, boolean isDefault, boolean hasResponded) {
}
