package dev.tandem.emulator.org;

/**
 * Behaviour switches of the emulated org where Salesforce's behaviour is unverified or org-specific.
 *
 * @param unknownStatus what a member write with an undefined status does
 * @param campaignMemberRequiresMarketingUser whether CampaignMember writes need the Marketing User flag
 * @param rollupsBumpCampaignModstamp whether member changes bump the parent Campaign's SystemModstamp
 * @param maxStatusesPerCampaign the cap on CampaignMemberStatus rows per campaign
 */
public record OrgSettings(UnknownStatusPolicy unknownStatus, boolean campaignMemberRequiresMarketingUser,
                          boolean rollupsBumpCampaignModstamp, int maxStatusesPerCampaign) {
}
