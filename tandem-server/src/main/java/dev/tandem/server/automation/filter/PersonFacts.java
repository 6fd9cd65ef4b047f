package dev.tandem.server.automation.filter;

import dev.tandem.core.person.Person;
import dev.tandem.server.automation.model.SfdcCampaignIds;

import java.util.Map;

/**
 * What filters can see of one person at evaluation time: the person, their program statuses by program id, and
 * their Salesforce campaign statuses keyed by {@link SfdcCampaignIds#key(String)}.
 */
public record PersonFacts(Person person, Map<Long, String> programStatuses, Map<String, String> campaignStatuses) {

    public PersonFacts {
        programStatuses = Map.copyOf(programStatuses);
        campaignStatuses = Map.copyOf(campaignStatuses);
    }

    /** The person's status in the Salesforce campaign, or null when not a member. */
    public String campaignStatus(String campaignId) {
        return campaignStatuses.get(SfdcCampaignIds.key(campaignId));
    }
}
