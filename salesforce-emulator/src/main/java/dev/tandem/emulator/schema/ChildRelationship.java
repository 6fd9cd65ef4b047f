package dev.tandem.emulator.schema;

/** A parent-to-child relationship as describe lists it, e.g. Campaign.CampaignMembers via CampaignMember.CampaignId. */
public record ChildRelationship(String parentObject, String childObject, String field, String relationshipName,
                                boolean cascadeDelete) {
}
