package dev.tandem.server.automation.filter;

import dev.tandem.server.automation.model.SfdcCampaignIds;
import dev.tandem.server.sync.watch.WatchedMemberStore;
import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Salesforce campaign memberships as the campaign sync holds them: the mirror for campaigns linked to a program,
 * the watched campaign rows for campaigns a smart campaign names without a link. Each reflects the last poll, so
 * while campaign sync is off a filter sees the last known state. A campaign just linked may still have watched
 * rows until the next poll sets them aside; the mirror wins then.
 */
public final class MirrorCampaignMemberships implements CampaignMemberships {

    private final WatchedMemberStore watched = new WatchedMemberStore();

    @Override
    public Map<Long, Map<String, String>> statuses(Handle h, Collection<Long> personIds) {
        Map<Long, Map<String, String>> statuses = new HashMap<>();
        if (personIds.isEmpty()) {
            return statuses;
        }
        List<Long> ids = List.copyOf(personIds);
        Map<String, Long> personBySfId = new HashMap<>();
        h.createQuery("SELECT id, sfdc_id FROM people WHERE id IN (<ids>) AND sfdc_id IS NOT NULL")
                .bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getString(2), rs.getLong(1)))
                .forEach(e -> personBySfId.put(e.getKey(), e.getValue()));
        watched.forPeople(h, personBySfId.keySet(), row -> {
            Long person = row.contactId() != null && personBySfId.containsKey(row.contactId())
                    ? personBySfId.get(row.contactId()) : personBySfId.get(row.leadId());
            if (person != null) {
                statuses.computeIfAbsent(person, k -> new HashMap<>()).put(row.campaignKey(), row.sfStatus());
            }
        });
        h.createQuery("SELECT person_id, campaign_id, sf_status FROM campaign_member_mirror WHERE person_id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .forEach(row -> statuses.computeIfAbsent(Long.parseLong(row[0]), k -> new HashMap<>())
                        .put(SfdcCampaignIds.key(row[1]), row[2]));
        return statuses;
    }
}
