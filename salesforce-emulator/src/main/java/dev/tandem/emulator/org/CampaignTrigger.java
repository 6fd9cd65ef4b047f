package dev.tandem.emulator.org;

import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.StandardSchema;
import dev.tandem.emulator.store.SRecord;
import java.util.List;
import java.util.Map;

/** Campaign rules: a new campaign gets the statuses Sent (default) and Responded; deletion cascades. */
final class CampaignTrigger implements Trigger {
    private final RecordService service;

    CampaignTrigger(RecordService service) {
        this.service = service;
    }

    @Override
    public void beforeInsert(WriteContext ctx, Map<String, Object> values) {
        for (String rollup : List.of("NumberOfLeads", "NumberOfConvertedLeads", "NumberOfContacts",
                "NumberOfResponses")) {
            values.put(rollup, 0);
        }
    }

    @Override
    public void afterInsert(WriteContext ctx, SRecord campaign) {
        ObjectDef status = service.schema().object(StandardSchema.CAMPAIGN_MEMBER_STATUS);
        service.systemInsert(ctx, status, Map.of("CampaignId", campaign.id(), "Label", "Sent", "SortOrder", 1,
                "IsDefault", true, "HasResponded", false, "IsDeleted", false));
        service.systemInsert(ctx, status, Map.of("CampaignId", campaign.id(), "Label", "Responded", "SortOrder", 2,
                "IsDefault", false, "HasResponded", true, "IsDeleted", false));
    }

    @Override
    public void beforeDelete(WriteContext ctx, SRecord campaign, boolean cascade) {
        var store = service.store();
        for (String memberId : List.copyOf(store.members().ofCampaign(campaign.id()))) {
            service.deleteRecord(ctx, store.table(StandardSchema.CAMPAIGN_MEMBER).get(memberId), true);
        }
        for (String statusId : List.copyOf(store.statuses().ofCampaign(campaign.id()))) {
            service.deleteRecord(ctx, store.table(StandardSchema.CAMPAIGN_MEMBER_STATUS).get(statusId), true);
        }
    }
}
