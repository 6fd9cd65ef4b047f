package dev.tandem.emulator.org;

import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.schema.StandardSchema;
import dev.tandem.emulator.store.SRecord;
import dev.tandem.emulator.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CampaignMemberStatus rules: labels and sort orders are unique per campaign; exactly one default; at least one
 * responded status; the default or an in-use status cannot be deleted; renames and HasResponded changes reach the
 * members that carry the status.
 */
final class MemberStatusTrigger implements Trigger {
    private final RecordService service;
    private final CampaignMemberTrigger members;

    MemberStatusTrigger(RecordService service, CampaignMemberTrigger members) {
        this.service = service;
        this.members = members;
    }

    private List<SRecord> siblings(String campaignId) {
        Store store = service.store();
        List<SRecord> out = new ArrayList<>();
        for (String id : store.statuses().ofCampaign(campaignId)) {
            out.add(store.table(StandardSchema.CAMPAIGN_MEMBER_STATUS).get(id));
        }
        return out;
    }

    @Override
    public void beforeInsert(WriteContext ctx, Map<String, Object> values) {
        List<SRecord> siblings = siblings((String) values.get("CampaignId"));
        if (siblings.size() >= service.settings().maxStatusesPerCampaign()) {
            throw ApiException.badRequest("LIMIT_EXCEEDED", "A campaign can have at most "
                    + service.settings().maxStatusesPerCampaign() + " member statuses", List.of());
        }
        checkUnique(siblings, null, values);
        if (values.get("SortOrder") == null) {
            int max = 0;
            for (SRecord s : siblings) {
                Integer o = (Integer) s.get("SortOrder");
                max = o != null ? Math.max(max, o) : max;
            }
            values.put("SortOrder", max + 1);
        }
    }

    @Override
    public void afterInsert(WriteContext ctx, SRecord inserted) {
        if (inserted.flag("IsDefault")) {
            clearOtherDefaults(ctx, inserted);
        }
    }

    @Override
    public void beforeUpdate(WriteContext ctx, SRecord old, Map<String, Object> changes, Map<String, Object> merged) {
        List<SRecord> siblings = siblings(old.string("CampaignId"));
        checkUnique(siblings, old.id(), merged);
        if (old.flag("IsDefault") && Boolean.FALSE.equals(merged.get("IsDefault"))) {
            throw ApiException.badRequest("INVALID_OPERATION",
                    "A campaign must have a default member status; mark another status as default instead",
                    List.of("IsDefault"));
        }
        if (old.flag("HasResponded") && Boolean.FALSE.equals(merged.get("HasResponded"))
                && siblings.stream().noneMatch(s -> !s.id().equals(old.id()) && s.flag("HasResponded"))) {
            throw ApiException.badRequest("INVALID_OPERATION",
                    "A campaign must keep at least one member status with HasResponded = true",
                    List.of("HasResponded"));
        }
    }

    @Override
    public void afterUpdate(WriteContext ctx, SRecord old, SRecord updated) {
        if (updated.flag("IsDefault") && !old.flag("IsDefault")) {
            clearOtherDefaults(ctx, updated);
        }
        boolean renamed = !Objects.equals(old.get("Label"), updated.get("Label"));
        if (renamed || old.flag("HasResponded") != updated.flag("HasResponded")) {
            Store store = service.store();
            for (String id : List.copyOf(store.members().ofCampaign(old.string("CampaignId")))) {
                SRecord m = store.table(StandardSchema.CAMPAIGN_MEMBER).get(id);
                if (Objects.equals(m.get("Status"), old.get("Label"))) {
                    members.restatus(ctx, m, updated.string("Label"), updated.flag("HasResponded"));
                }
            }
        }
    }

    @Override
    public void beforeDelete(WriteContext ctx, SRecord status, boolean cascade) {
        if (cascade) {
            return;
        }
        String label = status.string("Label");
        if (status.flag("IsDefault")) {
            throw ApiException.badRequest("INVALID_OPERATION",
                    "You can't delete the default campaign member status '" + label + "'", List.of());
        }
        int used = service.store().members().usage(status.string("CampaignId"), label);
        if (used > 0) {
            throw ApiException.badRequest("INVALID_OPERATION", "You can't delete the campaign member status '"
                    + label + "' because " + used + " campaign member(s) use it", List.of());
        }
        if (status.flag("HasResponded") && siblings(status.string("CampaignId")).stream()
                .noneMatch(s -> !s.id().equals(status.id()) && s.flag("HasResponded"))) {
            throw ApiException.badRequest("INVALID_OPERATION",
                    "A campaign must keep at least one member status with HasResponded = true", List.of());
        }
    }

    private void checkUnique(List<SRecord> siblings, String selfId, Map<String, Object> values) {
        for (SRecord s : siblings) {
            if (s.id().equals(selfId)) {
                continue;
            }
            if (s.string("Label").equalsIgnoreCase(String.valueOf(values.get("Label")))) {
                throw ApiException.badRequest("DUPLICATE_VALUE",
                        "duplicate value found: Label duplicates value on record with id: " + s.id(), List.of("Label"));
            }
            if (values.get("SortOrder") != null && values.get("SortOrder").equals(s.get("SortOrder"))) {
                throw ApiException.badRequest("DUPLICATE_VALUE",
                        "duplicate value found: SortOrder duplicates value on record with id: " + s.id(),
                        List.of("SortOrder"));
            }
        }
    }

    private void clearOtherDefaults(WriteContext ctx, SRecord newDefault) {
        for (SRecord s : siblings(newDefault.string("CampaignId"))) {
            if (!s.id().equals(newDefault.id()) && s.flag("IsDefault")) {
                service.systemPut(ctx, s, Map.of("IsDefault", false), true);
            }
        }
    }
}
