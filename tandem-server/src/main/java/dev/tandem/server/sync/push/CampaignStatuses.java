package dev.tandem.server.sync.push;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.write.RecordError;
import dev.tandem.salesforce.write.SaveResult;
import dev.tandem.salesforce.write.WriteOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes sure the CampaignMemberStatus labels a push needs exist before members are written (Salesforce rejects a
 * member whose status its campaign lacks). Labels known to exist are remembered per campaign on this node, so a
 * steady stream of pushes costs no extra call; a rejected member makes the campaign's labels be read again.
 */
public final class CampaignStatuses {

    /** A label that could not be created, and why. */
    public record Missing(String campaignId, String label, RecordError error) {
    }

    private final Map<String, Set<String>> known = new ConcurrentHashMap<>();

    /**
     * Ensures every label of {@code needed} (campaign id → label → whether it counts as responded) exists.
     * Costs one query when some label is not known yet, plus one write when some are missing.
     *
     * @return the labels that could not be created
     */
    public List<Missing> ensure(SalesforceClient client, Map<String, Map<String, Boolean>> needed) {
        Map<String, Map<String, Boolean>> unknown = new LinkedHashMap<>();
        needed.forEach((campaign, labels) -> labels.forEach((label, responded) -> {
            if (!known.getOrDefault(campaign, Set.of()).contains(label)) {
                unknown.computeIfAbsent(campaign, c -> new LinkedHashMap<>()).put(label, responded);
            }
        }));
        if (unknown.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> existing = new HashMap<>();
        Soql soql = Soql.select("CampaignId", "Label").from("CampaignMemberStatus")
                .where(Cond.in("CampaignId", List.copyOf(unknown.keySet()))).build();
        client.query(soql, 2000, page -> page.records().forEach((SObject s) ->
                existing.computeIfAbsent(s.getString("CampaignId"), c -> new HashSet<>()).add(s.getString("Label"))));
        existing.forEach((campaign, labels) -> known.computeIfAbsent(campaign, c -> ConcurrentHashMap.newKeySet())
                .addAll(labels));

        List<Map<String, Object>> toCreate = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        unknown.forEach((campaign, labels) -> labels.forEach((label, responded) -> {
            if (!existing.getOrDefault(campaign, Set.of()).contains(label)) {
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("CampaignId", campaign);
                record.put("Label", label);
                record.put("HasResponded", responded);
                toCreate.add(record);
                keys.add(new String[] {campaign, label});
            }
        }));
        SalesforceWrite write = SalesforceWrite.run(client, WriteOperation.INSERT, "CampaignMemberStatus", toCreate);
        List<Missing> missing = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String campaign = keys.get(i)[0];
            String label = keys.get(i)[1];
            SaveResult result = write.result(i);
            if (result != null && result.success()) {
                known.computeIfAbsent(campaign, c -> ConcurrentHashMap.newKeySet()).add(label);
            } else if (result == null && write.stoppedBy() != null && write.stoppedBy().isLimit()) {
                throw write.stoppedBy();
            } else {
                RecordError error = result != null ? result.error() : new RecordError(write.stoppedBy().errorCode(),
                        write.stoppedBy().errorMessage(), write.stoppedBy().fields());
                missing.add(new Missing(campaign, label, error));
            }
        }
        return missing;
    }

    /** Forgets what is known about a campaign's labels (a member write said a status is missing). */
    public void forget(String campaignId) {
        known.remove(campaignId);
    }

    /** Records labels known to exist (e.g. read during a reconcile). */
    public void remember(String campaignId, Set<String> labels) {
        known.computeIfAbsent(campaignId, c -> ConcurrentHashMap.newKeySet()).addAll(labels);
    }
}
