package dev.tandem.server.sync.pull;

import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The CampaignMember query of the pull and the parsing of its rows. */
public final class PulledMembers {

    /** Fields read for every member, including the parent fields needed to create an unknown person. */
    public static final List<String> FIELDS = List.of("Id", "CampaignId", "LeadId", "ContactId", "Status",
            "SystemModstamp", "IsDeleted", "Lead.Email", "Lead.FirstName", "Lead.LastName", "Lead.Company",
            "Contact.Email", "Contact.FirstName", "Contact.LastName");

    private PulledMembers() {
    }

    /** Members of these campaigns changed at or after {@code from} (strictly after, if not inclusive), oldest first. */
    public static Soql changedSince(Collection<String> campaignIds, Instant from, boolean inclusive) {
        Cond since = inclusive ? Cond.ge("SystemModstamp", from) : Cond.gt("SystemModstamp", from);
        return Soql.select(FIELDS).from("CampaignMember")
                .where(Cond.in("CampaignId", List.copyOf(campaignIds)).and(since))
                .orderBy("SystemModstamp", "Id").build();
    }

    /** The members with these ids (deleted ones too, through queryAll). */
    public static Soql byIds(Collection<String> memberIds) {
        return Soql.select(FIELDS).from("CampaignMember").where(Cond.in("Id", List.copyOf(memberIds))).build();
    }

    /** Every current member of one campaign, in id order (a full reconcile). */
    public static Soql ofCampaign(String campaignId) {
        return Soql.select(FIELDS).from("CampaignMember").where(Cond.eq("CampaignId", campaignId))
                .orderBy("Id").build();
    }

    /** Parses one row. */
    public static PulledMember parse(SObject row) {
        boolean contact = row.getString("ContactId") != null;
        String prefix = contact ? "Contact." : "Lead.";
        Boolean deleted = row.getBoolean("IsDeleted");
        return new PulledMember(row.getString("Id"), row.getString("CampaignId"), row.getString("LeadId"),
                row.getString("ContactId"), row.getString("Status"), row.getInstant("SystemModstamp"),
                deleted != null && deleted, row.getString(prefix + "Email"), row.getString(prefix + "FirstName"),
                row.getString(prefix + "LastName"), contact ? null : row.getString("Lead.Company"));
    }
}
