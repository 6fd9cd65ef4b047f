package dev.tandem.emulator.org;

import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.schema.ObjectDef;
import dev.tandem.emulator.schema.StandardSchema;
import dev.tandem.emulator.store.SRecord;
import dev.tandem.emulator.store.Store;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts a lead: creates an Account (from Company) and a Contact, marks the lead converted, and keeps its
 * campaign memberships, now pointing at the contact as well (LeadId is kept).
 */
public final class LeadConversion {
    private final RecordService service;

    public LeadConversion(RecordService service) {
        this.service = service;
    }

    /** Converts the lead and returns the new contact's id. */
    public String convert(WriteContext ctx, String leadId) {
        Store store = service.store();
        ObjectDef leadDef = service.schema().object(StandardSchema.LEAD);
        SRecord lead = service.live(leadDef, leadId);
        if (lead.flag("IsConverted")) {
            throw ApiException.badRequest("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead", List.of());
        }
        SRecord account = service.systemInsert(ctx, service.schema().object(StandardSchema.ACCOUNT),
                Map.of("Name", lead.string("Company"), "OwnerId", lead.string("OwnerId"), "IsDeleted", false));
        Map<String, Object> contact = new HashMap<>();
        for (String f : List.of("FirstName", "LastName", "Name", "Email", "Title", "Phone", "LeadSource",
                "HasOptedOutOfEmail", "OwnerId")) {
            contact.put(f, lead.get(f));
        }
        contact.put("AccountId", account.id());
        contact.put("IsDeleted", false);
        SRecord newContact = service.systemInsert(ctx, service.schema().object(StandardSchema.CONTACT), contact);
        Map<String, Object> converted = new HashMap<>();
        converted.put("IsConverted", true);
        converted.put("ConvertedContactId", newContact.id());
        converted.put("ConvertedAccountId", account.id());
        converted.put("ConvertedDate", LocalDate.ofInstant(ctx.now(), ZoneOffset.UTC));
        converted.put("Status", "Closed - Converted");
        service.systemPut(ctx, lead, converted, true);
        Set<String> campaigns = new LinkedHashSet<>();
        for (String memberId : List.copyOf(store.members().ofPerson(leadId))) {
            SRecord m = store.table(StandardSchema.CAMPAIGN_MEMBER).get(memberId);
            campaigns.add(m.string("CampaignId"));
            if (store.members().member(m.string("CampaignId"), newContact.id()) == null) {
                service.systemPut(ctx, m, Map.of("ContactId", newContact.id(), "Type", "Contact",
                        "LeadOrContactId", newContact.id(), "CompanyOrAccount", account.string("Name")), true);
            }
        }
        for (String campaignId : campaigns) {
            service.memberTrigger().recount(ctx, campaignId);
        }
        return newContact.id();
    }
}
