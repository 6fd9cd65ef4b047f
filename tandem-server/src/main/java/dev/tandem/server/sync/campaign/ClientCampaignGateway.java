package dev.tandem.server.sync.campaign;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.salesforce.write.SaveResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** {@link CampaignGateway} over the Salesforce client; every SOQL statement comes from the client's builder. */
public final class ClientCampaignGateway implements CampaignGateway {

    private static final String[] CAMPAIGN_FIELDS = {"Id", "Name", "Type", "Status", "NumberOfLeads",
            "NumberOfContacts"};

    private final SalesforceClient client;

    /** A gateway speaking through {@code client}. */
    public ClientCampaignGateway(SalesforceClient client) {
        this.client = client;
    }

    @Override
    public List<SalesforceCampaign> search(String nameContains, int limit) {
        Soql.Builder query = Soql.select(CAMPAIGN_FIELDS).from("Campaign");
        if (nameContains != null && !nameContains.isBlank()) {
            query.where(Cond.contains("Name", nameContains.trim()));
        }
        List<SObject> rows = client.stream(query.orderBy("Name").limit(limit).build()).toList();
        return withStatuses(rows);
    }

    @Override
    public Optional<SalesforceCampaign> campaign(String campaignId) {
        List<SObject> rows = client.stream(Soql.select(CAMPAIGN_FIELDS).from("Campaign")
                .where(Cond.eq("Id", campaignId)).build()).toList();
        return withStatuses(rows).stream().findFirst();
    }

    @Override
    public Map<String, Long> membersHolding(String campaignId, Collection<String> labels) {
        Soql query = Soql.select("Id", "Status").from("CampaignMember")
                .where(Cond.eq("CampaignId", campaignId).and(Cond.in("Status", List.copyOf(labels)))).build();
        try (var rows = client.stream(query)) {
            return rows.collect(Collectors.groupingBy(r -> r.getString("Status"), LinkedHashMap::new,
                    Collectors.counting()));
        }
    }

    @Override
    public String create(String name, String type, long actualCost) {
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("Name", name);
        campaign.put("Type", type);
        campaign.put("ActualCost", actualCost);
        campaign.put("IsActive", true);
        SaveResult result = client.create("Campaign", List.of(campaign)).get(0);
        if (!result.success()) {
            throw new SalesforceRefusedException("create campaign '" + name + "'", result.error());
        }
        return result.id();
    }

    @Override
    public List<String> apply(String campaignId, CampaignStatusPlan plan) {
        if (!plan.creates().isEmpty()) {
            List<Map<String, Object>> rows = plan.creates().stream().map(c -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("CampaignId", campaignId);
                row.put("Label", c.label());
                row.put("SortOrder", c.sortOrder());
                row.put("IsDefault", c.isDefault());
                row.put("HasResponded", c.hasResponded());
                return row;
            }).toList();
            requireAll(client.create("CampaignMemberStatus", rows), i -> "create status '"
                    + plan.creates().get(i).label() + "' on campaign " + campaignId);
        }
        if (!plan.updates().isEmpty()) {
            List<Map<String, Object>> rows = plan.updates().stream().map(u -> Map.<String, Object>of("Id", u.id(),
                    "IsDefault", u.isDefault(), "HasResponded", u.hasResponded())).toList();
            // A row becoming the default goes alone and first: Salesforce moves the default as a side effect, and
            // must have done so before another row stops being the default.
            int split = plan.updates().get(0).isDefault() && rows.size() > 1 ? 1 : rows.size();
            updateStatuses(campaignId, plan, rows.subList(0, split), 0);
            if (split < rows.size()) {
                updateStatuses(campaignId, plan, rows.subList(split, rows.size()), split);
            }
        }
        List<String> kept = new ArrayList<>();
        if (!plan.deletes().isEmpty()) {
            List<SaveResult> results = client.delete(plan.deletes().stream().map(CampaignStatus::id).toList());
            for (SaveResult result : results) {
                if (!result.success()) {
                    kept.add(plan.deletes().get(result.index()).label());
                }
            }
        }
        return kept;
    }

    @Override
    public long moveMembers(String campaignId, Map<String, String> map) {
        Soql query = Soql.select("Id", "Status").from("CampaignMember")
                .where(Cond.eq("CampaignId", campaignId).and(Cond.in("Status", List.copyOf(map.keySet())))).build();
        List<Map<String, Object>> moves;
        try (var rows = client.stream(query)) {
            moves = rows.filter(r -> map.containsKey(r.getString("Status")))
                    .map(r -> Map.<String, Object>of("Id", r.id(), "Status", map.get(r.getString("Status"))))
                    .toList();
        }
        if (moves.isEmpty()) {
            return 0;
        }
        requireAll(client.update("CampaignMember", moves), i -> "move campaign member " + moves.get(i).get("Id")
                + " to status '" + moves.get(i).get("Status") + "'");
        return moves.size();
    }

    @Override
    public Map<String, FieldsFailure> updateFields(List<CampaignFields> fields) {
        if (fields.isEmpty()) {
            return Map.of();
        }
        List<Map<String, Object>> rows = fields.stream().map(f -> Map.<String, Object>of("Id", f.campaignId(),
                "Type", f.type(), "ActualCost", f.actualCost())).toList();
        Map<String, FieldsFailure> failures = new LinkedHashMap<>();
        for (SaveResult result : client.update("Campaign", rows)) {
            if (!result.success()) {
                var error = result.error();
                failures.put(fields.get(result.index()).campaignId(), new FieldsFailure(error == null
                        ? "no reason given" : error.statusCode() + " " + error.message(), result.isTransientFailure()));
            }
        }
        return failures;
    }

    private List<SalesforceCampaign> withStatuses(List<SObject> campaigns) {
        if (campaigns.isEmpty()) {
            return List.of();
        }
        List<String> ids = campaigns.stream().map(SObject::id).toList();
        Soql query = Soql.select("Id", "CampaignId", "Label", "SortOrder", "IsDefault", "HasResponded")
                .from("CampaignMemberStatus").where(Cond.in("CampaignId", ids)).orderBy("SortOrder").build();
        Map<String, List<CampaignStatus>> statuses;
        try (var rows = client.stream(query)) {
            statuses = rows.collect(Collectors.groupingBy(r -> r.getString("CampaignId"), Collectors.mapping(
                    r -> new CampaignStatus(r.id(), r.getString("Label"), integer(r.getDecimal("SortOrder")),
                            Boolean.TRUE.equals(r.getBoolean("IsDefault")),
                            Boolean.TRUE.equals(r.getBoolean("HasResponded"))), Collectors.toList())));
        }
        return campaigns.stream().map(c -> new SalesforceCampaign(c.id(), c.getString("Name"), c.getString("Type"),
                c.getString("Status"), count(c.getDecimal("NumberOfLeads")) + count(c.getDecimal("NumberOfContacts")),
                statuses.getOrDefault(c.id(), List.of()))).toList();
    }

    private void updateStatuses(String campaignId, CampaignStatusPlan plan, List<Map<String, Object>> rows,
                                int offset) {
        requireAll(client.update("CampaignMemberStatus", rows), i -> "update status '"
                + plan.updates().get(offset + i).label() + "' on campaign " + campaignId);
    }

    private static void requireAll(List<SaveResult> results, IntFunction<String> action) {
        for (SaveResult result : results) {
            if (!result.success()) {
                throw new SalesforceRefusedException(action.apply(result.index()), result.error());
            }
        }
    }

    private static Integer integer(BigDecimal value) {
        return value == null ? null : value.intValue();
    }

    private static long count(BigDecimal value) {
        return value == null ? 0 : value.longValue();
    }
}
