package dev.tandem.emulator.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Indexes live CampaignMembers by (campaign, lead), (campaign, contact), campaign, lead and contact, and counts how
 * many members use each (campaign, status) pair, so that uniqueness, status-in-use and cascade checks are O(1).
 */
public final class CampaignMemberIndex implements RecordIndex {
    private final Map<String, String> byCampaignAndPerson = new HashMap<>();
    private final Map<String, Set<String>> byCampaign = new HashMap<>();
    private final Map<String, Set<String>> byPerson = new HashMap<>();
    private final Map<String, Integer> statusUsage = new HashMap<>();

    @Override
    public void add(SRecord r) {
        if (r.isDeleted()) {
            return;
        }
        String campaign = r.string("CampaignId");
        for (String person : persons(r)) {
            byCampaignAndPerson.put(campaign + "|" + person, r.id());
            byPerson.computeIfAbsent(person, k -> new LinkedHashSet<>()).add(r.id());
        }
        byCampaign.computeIfAbsent(campaign, k -> new LinkedHashSet<>()).add(r.id());
        statusUsage.merge(campaign + "|" + r.string("Status"), 1, Integer::sum);
    }

    @Override
    public void remove(SRecord r) {
        if (r.isDeleted()) {
            return;
        }
        String campaign = r.string("CampaignId");
        for (String person : persons(r)) {
            byCampaignAndPerson.remove(campaign + "|" + person, r.id());
            removeFrom(byPerson, person, r.id());
        }
        removeFrom(byCampaign, campaign, r.id());
        statusUsage.computeIfPresent(campaign + "|" + r.string("Status"), (k, n) -> n <= 1 ? null : n - 1);
    }

    private static String[] persons(SRecord r) {
        String lead = r.string("LeadId");
        String contact = r.string("ContactId");
        if (lead != null && contact != null) {
            return new String[] {lead, contact};
        }
        return lead != null ? new String[] {lead} : contact != null ? new String[] {contact} : new String[0];
    }

    private static void removeFrom(Map<String, Set<String>> map, String key, String id) {
        Set<String> s = map.get(key);
        if (s != null) {
            s.remove(id);
            if (s.isEmpty()) {
                map.remove(key);
            }
        }
    }

    /** The live member of a campaign for a lead or contact id, or null. */
    public String member(String campaignId, String personId) {
        return byCampaignAndPerson.get(campaignId + "|" + personId);
    }

    /** Live members of a campaign. */
    public Set<String> ofCampaign(String campaignId) {
        return Collections.unmodifiableSet(byCampaign.getOrDefault(campaignId, Set.of()));
    }

    /** Live members whose LeadId or ContactId is this id. */
    public Set<String> ofPerson(String personId) {
        return Collections.unmodifiableSet(byPerson.getOrDefault(personId, Set.of()));
    }

    /** How many live members of the campaign carry this status label. */
    public int usage(String campaignId, String status) {
        return statusUsage.getOrDefault(campaignId + "|" + status, 0);
    }

    @Override
    public void clear() {
        byCampaignAndPerson.clear();
        byCampaign.clear();
        byPerson.clear();
        statusUsage.clear();
    }
}
