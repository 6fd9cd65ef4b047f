package dev.tandem.emulator.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Indexes live CampaignMemberStatus rows by campaign. */
public final class MemberStatusIndex implements RecordIndex {
    private final Map<String, Set<String>> byCampaign = new HashMap<>();

    @Override
    public void add(SRecord r) {
        if (!r.isDeleted()) {
            byCampaign.computeIfAbsent(r.string("CampaignId"), k -> new LinkedHashSet<>()).add(r.id());
        }
    }

    @Override
    public void remove(SRecord r) {
        if (!r.isDeleted()) {
            Set<String> s = byCampaign.get(r.string("CampaignId"));
            if (s != null) {
                s.remove(r.id());
                if (s.isEmpty()) {
                    byCampaign.remove(r.string("CampaignId"));
                }
            }
        }
    }

    /** Live status ids of a campaign, in creation order. */
    public Set<String> ofCampaign(String campaignId) {
        return Collections.unmodifiableSet(byCampaign.getOrDefault(campaignId, Set.of()));
    }

    @Override
    public void clear() {
        byCampaign.clear();
    }
}
