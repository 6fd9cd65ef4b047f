package dev.tandem.server.automation.filter;

import dev.tandem.server.automation.model.SfdcCampaignIds;
import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Salesforce campaign memberships as the campaign sync's mirror holds them (what Tandem believes Salesforce holds
 * for campaigns linked to programs). Members of campaigns not linked to any program are not mirrored, which is
 * why the validator refuses a "Member of SFDC Campaign" filter on such a campaign.
 */
public final class MirrorCampaignMemberships implements CampaignMemberships {

    @Override
    public Map<Long, Map<String, String>> statuses(Handle h, Collection<Long> personIds) {
        Map<Long, Map<String, String>> statuses = new HashMap<>();
        if (personIds.isEmpty()) {
            return statuses;
        }
        h.createQuery("SELECT person_id, campaign_id, sf_status FROM campaign_member_mirror WHERE person_id IN (<ids>)")
                .bindList("ids", List.copyOf(personIds))
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .forEach(row -> statuses.computeIfAbsent(Long.parseLong(row[0]), k -> new HashMap<>())
                        .put(SfdcCampaignIds.key(row[1]), row[2]));
        return statuses;
    }
}
