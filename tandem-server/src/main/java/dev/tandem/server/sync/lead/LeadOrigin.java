package dev.tandem.server.sync.lead;

/**
 * Why Leads are being created, as the "Sync Lead to SFDC" activity records it.
 *
 * @param ownerId         Salesforce user to own the new Leads; null lets Salesforce's assignment rules decide
 * @param smartCampaignId the smart campaign whose flow step creates them; null for the campaign sync
 * @param reason          the activity's Reason attribute
 */
public record LeadOrigin(String ownerId, Long smartCampaignId, String reason) {

    public LeadOrigin {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
    }

    /** The campaign sync creating a program member's Lead before writing the CampaignMember. */
    public static LeadOrigin campaignSync() {
        return new LeadOrigin(null, null, "Program member synced to a Salesforce campaign");
    }
}
