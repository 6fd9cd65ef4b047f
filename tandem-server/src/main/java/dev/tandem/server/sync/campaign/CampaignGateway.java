package dev.tandem.server.sync.campaign;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Salesforce reads and writes that linking needs, each in as few API calls as the protocol allows. Failures
 * surface as the Salesforce client's typed exceptions.
 */
public interface CampaignGateway {

    /** Campaigns whose name contains {@code nameContains} (all when blank), by name, at most {@code limit}; 2 calls. */
    List<SalesforceCampaign> search(String nameContains, int limit);

    /** One campaign with its statuses; 2 calls, empty when no such campaign exists. */
    Optional<SalesforceCampaign> campaign(String campaignId);

    /** How many members of the campaign hold each of {@code labels} (labels nobody holds are left out). */
    Map<String, Long> membersHolding(String campaignId, Collection<String> labels);

    /** Creates a campaign with its Type and ActualCost; returns its id. */
    String create(String name, String type, long actualCost);

    /**
     * Writes a status plan: creates, then updates, then deletes. Creates and updates must succeed; a delete that
     * Salesforce refuses is left in place and its label returned (a status still in use or the default).
     */
    List<String> apply(String campaignId, CampaignStatusPlan plan);

    /** Moves every member holding a key of {@code map} to the mapped status; returns how many moved. */
    long moveMembers(String campaignId, Map<String, String> map);

    /** Sets Type and ActualCost on several campaigns (200 a call); returns the failure per campaign id. */
    Map<String, FieldsFailure> updateFields(List<CampaignFields> fields);

    /** Why one campaign's update failed; {@code transientFailure} when sending it again later may succeed. */
    record FieldsFailure(String message, boolean transientFailure) {
    }

    /** The values Tandem owns on a campaign: Type from the channel, ActualCost from the period costs. */
    record CampaignFields(String campaignId, String type, long actualCost) {
    }
}
