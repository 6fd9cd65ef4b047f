package dev.tandem.emulator.schema;

import static dev.tandem.emulator.schema.FieldBuilder.field;
import static dev.tandem.emulator.schema.FieldType.BOOLEAN;
import static dev.tandem.emulator.schema.FieldType.CURRENCY;
import static dev.tandem.emulator.schema.FieldType.DATE;
import static dev.tandem.emulator.schema.FieldType.DATETIME;
import static dev.tandem.emulator.schema.FieldType.DOUBLE;
import static dev.tandem.emulator.schema.FieldType.EMAIL;
import static dev.tandem.emulator.schema.FieldType.ID;
import static dev.tandem.emulator.schema.FieldType.INT;
import static dev.tandem.emulator.schema.FieldType.PERCENT;
import static dev.tandem.emulator.schema.FieldType.PHONE;
import static dev.tandem.emulator.schema.FieldType.PICKLIST;
import static dev.tandem.emulator.schema.FieldType.REFERENCE;
import static dev.tandem.emulator.schema.FieldType.STRING;
import static dev.tandem.emulator.schema.FieldType.TEXTAREA;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The standard objects of the emulated org, plus the custom fields named in configuration. */
public final class StandardSchema {
    public static final String CAMPAIGN = "Campaign";
    public static final String CAMPAIGN_MEMBER = "CampaignMember";
    public static final String CAMPAIGN_MEMBER_STATUS = "CampaignMemberStatus";
    public static final String LEAD = "Lead";
    public static final String CONTACT = "Contact";
    public static final String ACCOUNT = "Account";
    public static final String USER = "User";
    public static final String ORGANIZATION = "Organization";

    private StandardSchema() {
    }

    /** Builds the schema, appending custom fields to the objects they name. */
    public static Schema build(List<CustomField> customFields) {
        Map<String, ObjectDef> objects = new LinkedHashMap<>();
        for (ObjectDef o : List.of(campaign(), campaignMember(), campaignMemberStatus(), lead(), contact(), account(),
                user(), organization())) {
            objects.put(o.name().toLowerCase(), o);
        }
        Map<String, List<FieldDef>> extra = new LinkedHashMap<>();
        for (CustomField cf : customFields) {
            ObjectDef target = objects.get(cf.object().toLowerCase());
            if (target == null) {
                throw new IllegalArgumentException("custom field on unknown object " + cf.object());
            }
            extra.computeIfAbsent(target.name().toLowerCase(), k -> new ArrayList<>()).add(cf.toFieldDef());
        }
        extra.forEach((key, fields) -> objects.put(key, objects.get(key).withFields(fields)));
        List<ChildRelationship> children = List.of(
                new ChildRelationship(CAMPAIGN, CAMPAIGN_MEMBER, "CampaignId", "CampaignMembers", true),
                new ChildRelationship(CAMPAIGN, CAMPAIGN_MEMBER_STATUS, "CampaignId", "CampaignMemberStatuses", true),
                new ChildRelationship(CAMPAIGN, CAMPAIGN, "ParentId", "ChildCampaigns", false),
                new ChildRelationship(LEAD, CAMPAIGN_MEMBER, "LeadId", "CampaignMembers", true),
                new ChildRelationship(CONTACT, CAMPAIGN_MEMBER, "ContactId", "CampaignMembers", true),
                new ChildRelationship(ACCOUNT, CONTACT, "AccountId", "Contacts", false));
        return new Schema(new ArrayList<>(objects.values()), children);
    }

    private static List<FieldDef> system(String idLabel) {
        List<FieldDef> f = new ArrayList<>();
        f.add(field("Id", ID).label(idLabel).readOnly().notNillable().defaulted().idLookup().build());
        f.add(field("IsDeleted", BOOLEAN).label("Deleted").readOnly().build());
        f.add(field("CreatedDate", DATETIME).label("Created Date").readOnly().notNillable().defaulted().build());
        f.add(field("CreatedById", REFERENCE).label("Created By ID").readOnly().notNillable().defaulted()
                .references("CreatedBy", USER).build());
        f.add(field("LastModifiedDate", DATETIME).label("Last Modified Date").readOnly().notNillable().defaulted()
                .build());
        f.add(field("LastModifiedById", REFERENCE).label("Last Modified By ID").readOnly().notNillable().defaulted()
                .references("LastModifiedBy", USER).build());
        f.add(field("SystemModstamp", DATETIME).label("System Modstamp").readOnly().notNillable().defaulted().build());
        return f;
    }

    private static FieldDef owner() {
        return field("OwnerId", REFERENCE).label("Owner ID").notNillable().defaulted().references("Owner", USER).build();
    }

    private static ObjectDef campaign() {
        List<FieldDef> f = system("Campaign ID");
        f.add(field("Name", STRING).label("Name").length(80).required().nameField().build());
        f.add(field("ParentId", REFERENCE).label("Parent Campaign ID").references("Parent", CAMPAIGN).build());
        f.add(field("Type", PICKLIST).label("Type").length(40).values(null, "Conference", "Webinar", "Trade Show",
                "Public Relations", "Partners", "Referral Program", "Advertisement", "Banner Ads", "Direct Mail",
                "Email", "Telemarketing", "Other").build());
        f.add(field("Status", PICKLIST).label("Status").length(40)
                .values("Planned", "Planned", "In Progress", "Completed", "Aborted").build());
        f.add(field("StartDate", DATE).label("Start Date").build());
        f.add(field("EndDate", DATE).label("End Date").build());
        f.add(field("ExpectedRevenue", CURRENCY).label("Expected Revenue in Campaign").build());
        f.add(field("BudgetedCost", CURRENCY).label("Budgeted Cost in Campaign").build());
        f.add(field("ActualCost", CURRENCY).label("Actual Cost in Campaign").build());
        f.add(field("ExpectedResponse", PERCENT).label("Expected Response (%)").precision(10, 2).build());
        f.add(field("NumberSent", DOUBLE).label("Num Sent in Campaign").build());
        f.add(field("IsActive", BOOLEAN).label("Active").build());
        f.add(field("Description", TEXTAREA).label("Description").build());
        f.add(field("NumberOfLeads", INT).label("Leads in Campaign").readOnly().notNillable().defaulted().build());
        f.add(field("NumberOfConvertedLeads", INT).label("Converted Leads in Campaign").readOnly().notNillable()
                .defaulted().build());
        f.add(field("NumberOfContacts", INT).label("Contacts in Campaign").readOnly().notNillable().defaulted()
                .build());
        f.add(field("NumberOfResponses", INT).label("Responses in Campaign").readOnly().notNillable().defaulted()
                .build());
        f.add(field("LastActivityDate", DATE).label("Last Activity").readOnly().build());
        f.add(owner());
        return new ObjectDef(CAMPAIGN, "Campaign", "Campaigns", "701", true, true, true, f);
    }

    private static ObjectDef campaignMember() {
        List<FieldDef> f = system("Campaign Member ID");
        f.add(field("CampaignId", REFERENCE).label("Campaign ID").required().createOnly()
                .references("Campaign", CAMPAIGN).build());
        f.add(field("LeadId", REFERENCE).label("Lead ID").createOnly().references("Lead", LEAD).build());
        f.add(field("ContactId", REFERENCE).label("Contact ID").createOnly().references("Contact", CONTACT).build());
        // No static default: an omitted Status takes the member's campaign's default status row.
        f.add(field("Status", PICKLIST).label("Status").length(40).values(null, "Sent", "Responded").defaulted()
                .build());
        f.add(field("HasResponded", BOOLEAN).label("Responded").readOnly().build());
        f.add(field("FirstRespondedDate", DATE).label("First Responded Date").readOnly().build());
        f.add(field("Type", STRING).label("Type").length(40).readOnly().build());
        f.add(field("LeadOrContactId", STRING).label("Lead or Contact ID").length(18).readOnly().build());
        f.add(field("FirstName", STRING).label("First Name").length(40).readOnly().build());
        f.add(field("LastName", STRING).label("Last Name").length(80).readOnly().build());
        f.add(field("Name", STRING).label("Name").length(121).readOnly().nameField().build());
        f.add(field("Email", EMAIL).label("Email").readOnly().build());
        f.add(field("Title", STRING).label("Title").length(128).readOnly().build());
        f.add(field("CompanyOrAccount", STRING).label("Company (Account)").length(255).readOnly().build());
        return new ObjectDef(CAMPAIGN_MEMBER, "Campaign Member", "Campaign Members", "00v", true, true, true, f);
    }

    private static ObjectDef campaignMemberStatus() {
        List<FieldDef> f = system("Campaign Member Status ID");
        f.add(field("CampaignId", REFERENCE).label("Campaign ID").required().createOnly()
                .references("Campaign", CAMPAIGN).build());
        f.add(field("Label", STRING).label("Member Status").length(765).required().nameField().build());
        f.add(field("SortOrder", INT).label("Sort Order").build());
        f.add(field("IsDefault", BOOLEAN).label("Default").build());
        f.add(field("HasResponded", BOOLEAN).label("Responded").build());
        return new ObjectDef(CAMPAIGN_MEMBER_STATUS, "Campaign Member Status", "Campaign Member Statuses", "01Y",
                true, true, true, f);
    }

    private static ObjectDef lead() {
        List<FieldDef> f = system("Lead ID");
        f.add(field("LastName", STRING).label("Last Name").length(80).required().build());
        f.add(field("FirstName", STRING).label("First Name").length(40).build());
        f.add(field("Name", STRING).label("Full Name").length(121).readOnly().nameField().build());
        f.add(field("Title", STRING).label("Title").length(128).build());
        f.add(field("Company", STRING).label("Company").length(255).required().build());
        f.add(field("Email", EMAIL).label("Email").build());
        f.add(field("Phone", PHONE).label("Phone").build());
        f.add(field("LeadSource", PICKLIST).label("Lead Source").length(40)
                .values(null, "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other").build());
        f.add(field("Status", PICKLIST).label("Status").length(40).values("Open - Not Contacted",
                "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted").build());
        f.add(field("HasOptedOutOfEmail", BOOLEAN).label("Email Opt Out").build());
        f.add(field("IsConverted", BOOLEAN).label("Converted").readOnly().build());
        f.add(field("ConvertedDate", DATE).label("Converted Date").readOnly().build());
        f.add(field("ConvertedAccountId", REFERENCE).label("Converted Account ID").readOnly()
                .references("ConvertedAccount", ACCOUNT).build());
        f.add(field("ConvertedContactId", REFERENCE).label("Converted Contact ID").readOnly()
                .references("ConvertedContact", CONTACT).build());
        f.add(owner());
        return new ObjectDef(LEAD, "Lead", "Leads", "00Q", true, true, true, f);
    }

    private static ObjectDef contact() {
        List<FieldDef> f = system("Contact ID");
        f.add(field("AccountId", REFERENCE).label("Account ID").references("Account", ACCOUNT).build());
        f.add(field("LastName", STRING).label("Last Name").length(80).required().build());
        f.add(field("FirstName", STRING).label("First Name").length(40).build());
        f.add(field("Name", STRING).label("Full Name").length(121).readOnly().nameField().build());
        f.add(field("Title", STRING).label("Title").length(128).build());
        f.add(field("Email", EMAIL).label("Email").build());
        f.add(field("Phone", PHONE).label("Business Phone").build());
        f.add(field("LeadSource", PICKLIST).label("Lead Source").length(40)
                .values(null, "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other").build());
        f.add(field("HasOptedOutOfEmail", BOOLEAN).label("Email Opt Out").build());
        f.add(owner());
        return new ObjectDef(CONTACT, "Contact", "Contacts", "003", true, true, true, f);
    }

    private static ObjectDef account() {
        List<FieldDef> f = system("Account ID");
        f.add(field("Name", STRING).label("Account Name").length(255).required().nameField().build());
        f.add(field("Website", FieldType.URL).label("Website").build());
        f.add(field("Industry", PICKLIST).label("Industry").length(40).values(null, "Technology", "Other").build());
        f.add(owner());
        return new ObjectDef(ACCOUNT, "Account", "Accounts", "001", true, true, true, f);
    }

    private static ObjectDef user() {
        List<FieldDef> f = system("User ID");
        f.add(field("Username", STRING).label("Username").length(80).readOnly().unique().idLookup().build());
        f.add(field("FirstName", STRING).label("First Name").length(40).build());
        f.add(field("LastName", STRING).label("Last Name").length(80).build());
        f.add(field("Name", STRING).label("Full Name").length(121).readOnly().nameField().build());
        f.add(field("Email", EMAIL).label("Email").build());
        f.add(field("Alias", STRING).label("Alias").length(8).build());
        f.add(field("IsActive", BOOLEAN).label("Active").build());
        f.add(field("UserPermissionsMarketingUser", BOOLEAN).label("Marketing User").build());
        return new ObjectDef(USER, "User", "Users", "005", false, true, false, f);
    }

    private static ObjectDef organization() {
        List<FieldDef> f = system("Organization ID");
        f.add(field("Name", STRING).label("Name").length(80).readOnly().nameField().build());
        f.add(field("OrganizationType", STRING).label("Edition").length(40).readOnly().build());
        f.add(field("InstanceName", STRING).label("Instance Name").length(5).readOnly().build());
        f.add(field("IsSandbox", BOOLEAN).label("Is Sandbox").readOnly().build());
        return new ObjectDef(ORGANIZATION, "Organization", "Organizations", "00D", false, false, false, f);
    }
}
