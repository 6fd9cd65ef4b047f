package dev.tandem.emulator.org;

import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.schema.StandardSchema;
import dev.tandem.emulator.store.SRecord;
import dev.tandem.emulator.store.Store;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CampaignMember rules: one member per (campaign, lead) and (campaign, contact); Status must be one of the campaign's
 * statuses; HasResponded and FirstRespondedDate follow the status; person fields are copied; roll-ups follow.
 */
final class CampaignMemberTrigger implements Trigger {
    private final RecordService service;

    CampaignMemberTrigger(RecordService service) {
        this.service = service;
    }

    @Override
    public void beforeInsert(WriteContext ctx, Map<String, Object> values) {
        if (values.get("LeadId") != null && values.get("ContactId") != null) {
            // Salesforce keeps only the contact when a new member names both.
            values.put("LeadId", null);
        }
        String personId = values.get("ContactId") != null ? (String) values.get("ContactId")
                : (String) values.get("LeadId");
        if (personId == null) {
            throw ApiException.badRequest("REQUIRED_FIELD_MISSING", "Required fields are missing: [LeadId, ContactId]",
                    List.of("LeadId", "ContactId"));
        }
        String campaignId = (String) values.get("CampaignId");
        Store store = service.store();
        if (store.members().member(campaignId, personId) != null) {
            throw ApiException.badRequest("DUPLICATE_VALUE", "Already a campaign member.", List.of());
        }
        SRecord status = resolveStatus(campaignId, (String) values.get("Status"));
        boolean responded = status != null && status.flag("HasResponded");
        values.put("Status", status != null ? status.string("Label") : values.get("Status"));
        values.put("HasResponded", responded);
        values.put("FirstRespondedDate", responded ? today(ctx) : null);
        SRecord person = store.find(personId);
        boolean isContact = person.type().name().equals(StandardSchema.CONTACT);
        values.put("Type", isContact ? "Contact" : "Lead");
        values.put("LeadOrContactId", personId);
        values.put("FirstName", person.get("FirstName"));
        values.put("LastName", person.get("LastName"));
        values.put("Name", person.get("Name"));
        values.put("Email", person.get("Email"));
        values.put("Title", person.get("Title"));
        values.put("CompanyOrAccount", isContact ? accountName(person) : person.get("Company"));
    }

    private String accountName(SRecord contact) {
        String accountId = contact.string("AccountId");
        SRecord account = accountId == null ? null : service.store().find(accountId);
        return account == null ? null : account.string("Name");
    }

    @Override
    public void beforeUpdate(WriteContext ctx, SRecord old, Map<String, Object> changes, Map<String, Object> merged) {
        if (!changes.containsKey("Status")) {
            return;
        }
        SRecord status = resolveStatus(old.string("CampaignId"), (String) changes.get("Status"));
        boolean responded = status != null && status.flag("HasResponded");
        changes.put("Status", status != null ? status.string("Label") : changes.get("Status"));
        changes.put("HasResponded", responded);
        if (responded && old.get("FirstRespondedDate") == null) {
            changes.put("FirstRespondedDate", today(ctx));
        }
    }

    @Override
    public void afterInsert(WriteContext ctx, SRecord inserted) {
        rollup(ctx, null, inserted);
    }

    @Override
    public void afterUpdate(WriteContext ctx, SRecord old, SRecord updated) {
        rollup(ctx, old, updated);
    }

    @Override
    public void afterDelete(WriteContext ctx, SRecord deleted) {
        rollup(ctx, deleted.with("IsDeleted", false), null);
    }

    /** Moves a member to a (renamed or re-flagged) status as a system change. */
    void restatus(WriteContext ctx, SRecord member, String label, boolean responded) {
        Map<String, Object> c = new HashMap<>();
        c.put("Status", label);
        c.put("HasResponded", responded);
        if (responded && member.get("FirstRespondedDate") == null) {
            c.put("FirstRespondedDate", today(ctx));
        }
        SRecord updated = service.systemPut(ctx, member, c, true);
        rollup(ctx, member, updated);
    }

    /**
     * The campaign's status row for a label; the default row when no label is given; for an unknown label, what the
     * configured policy says (reject, default row, or null meaning "store as given").
     */
    private SRecord resolveStatus(String campaignId, String label) {
        Store store = service.store();
        SRecord defaultRow = null;
        for (String id : store.statuses().ofCampaign(campaignId)) {
            SRecord s = store.table(StandardSchema.CAMPAIGN_MEMBER_STATUS).get(id);
            if (label != null && label.equals(s.string("Label"))) {
                return s;
            }
            if (s.flag("IsDefault")) {
                defaultRow = s;
            }
        }
        if (label == null) {
            return defaultRow;
        }
        switch (service.settings().unknownStatus()) {
            case DEFAULT:
                return defaultRow;
            case STORE:
                return null;
            default:
                throw ApiException.badRequest("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                        "Status: bad value for restricted picklist field: " + label, List.of("Status"));
        }
    }

    private static LocalDate today(WriteContext ctx) {
        return LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC);
    }

    /** Applies the difference a member change makes to its campaign's counters, without scanning members. */
    void rollup(WriteContext ctx, SRecord before, SRecord after) {
        int[] delta = contribution(after);
        int[] old = contribution(before);
        boolean changed = false;
        for (int i = 0; i < delta.length; i++) {
            delta[i] -= old[i];
            changed |= delta[i] != 0;
        }
        if (!changed) {
            return;
        }
        String campaignId = (after != null ? after : before).string("CampaignId");
        SRecord campaign = service.store().table(StandardSchema.CAMPAIGN).get(campaignId);
        if (campaign == null || campaign.isDeleted()) {
            return;
        }
        Map<String, Object> c = new HashMap<>();
        c.put("NumberOfLeads", (Integer) campaign.get("NumberOfLeads") + delta[0]);
        c.put("NumberOfContacts", (Integer) campaign.get("NumberOfContacts") + delta[1]);
        c.put("NumberOfResponses", (Integer) campaign.get("NumberOfResponses") + delta[2]);
        c.put("NumberOfConvertedLeads", (Integer) campaign.get("NumberOfConvertedLeads") + delta[3]);
        if (!service.settings().rollupsBumpCampaignModstamp()) {
            c.put("SystemModstamp", campaign.systemModstamp());
            service.store().table(StandardSchema.CAMPAIGN).put(ctx.tx(), campaign.with(c));
        } else {
            service.systemPut(ctx, campaign, c, false);
        }
    }

    private int[] contribution(SRecord m) {
        int[] v = new int[4];
        if (m == null || m.isDeleted()) {
            return v;
        }
        String lead = m.string("LeadId");
        boolean contact = m.get("ContactId") != null;
        v[0] = lead != null && !contact ? 1 : 0;
        v[1] = contact ? 1 : 0;
        v[2] = m.flag("HasResponded") ? 1 : 0;
        SRecord leadRow = lead == null ? null : service.store().find(lead);
        v[3] = leadRow != null && leadRow.flag("IsConverted") ? 1 : 0;
        return v;
    }

    /** Recomputes all counters of one campaign from its members (used after lead conversion, which is rare). */
    void recount(WriteContext ctx, String campaignId) {
        Store store = service.store();
        SRecord campaign = store.table(StandardSchema.CAMPAIGN).get(campaignId);
        if (campaign == null || campaign.isDeleted()) {
            return;
        }
        int[] total = new int[4];
        for (String id : store.members().ofCampaign(campaignId)) {
            int[] c = contribution(store.table(StandardSchema.CAMPAIGN_MEMBER).get(id));
            for (int i = 0; i < total.length; i++) {
                total[i] += c[i];
            }
        }
        service.systemPut(ctx, campaign, Map.of("NumberOfLeads", total[0], "NumberOfContacts", total[1],
                "NumberOfResponses", total[2], "NumberOfConvertedLeads", total[3]), false);
    }
}
