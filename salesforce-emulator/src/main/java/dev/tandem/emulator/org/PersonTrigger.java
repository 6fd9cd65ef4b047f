package dev.tandem.emulator.org;

import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.schema.StandardSchema;
import dev.tandem.emulator.store.SRecord;
import java.util.List;
import java.util.Map;

/**
 * Rules shared by Lead, Contact and User: the compound Name follows FirstName and LastName; deleting a lead or
 * contact removes its campaign memberships; converted leads are read-only.
 */
final class PersonTrigger implements Trigger {
    private final RecordService cascadeService;
    private final boolean lead;

    /** @param cascadeService the service deleting memberships, or null for objects that have none (User) */
    PersonTrigger(RecordService cascadeService, boolean lead) {
        this.cascadeService = cascadeService;
        this.lead = lead;
    }

    static String fullName(Object first, Object last) {
        String f = first == null ? "" : first.toString();
        String l = last == null ? "" : last.toString();
        String n = (f + " " + l).trim();
        return n.isEmpty() ? null : n;
    }

    @Override
    public void beforeInsert(WriteContext ctx, Map<String, Object> values) {
        values.put("Name", fullName(values.get("FirstName"), values.get("LastName")));
    }

    @Override
    public void beforeUpdate(WriteContext ctx, SRecord old, Map<String, Object> changes, Map<String, Object> merged) {
        if (lead && old.flag("IsConverted")) {
            throw ApiException.badRequest("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead",
                    List.of());
        }
        if (changes.containsKey("FirstName") || changes.containsKey("LastName")) {
            changes.put("Name", fullName(merged.get("FirstName"), merged.get("LastName")));
        }
    }

    @Override
    public void beforeDelete(WriteContext ctx, SRecord person, boolean cascade) {
        if (cascadeService == null) {
            return;
        }
        var store = cascadeService.store();
        for (String memberId : List.copyOf(store.members().ofPerson(person.id()))) {
            cascadeService.deleteRecord(ctx, store.table(StandardSchema.CAMPAIGN_MEMBER).get(memberId), true);
        }
    }
}
