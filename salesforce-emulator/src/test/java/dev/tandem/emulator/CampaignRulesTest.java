package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Salesforce's campaign behaviour and every rejection it implies, with exact statuses and bodies. */
class CampaignRulesTest extends EmulatorTestBase {

    private JsonNode statuses(String campaignId) {
        return api.query("SELECT Label, IsDefault, HasResponded, SortOrder FROM CampaignMemberStatus WHERE CampaignId = "
                + q(campaignId) + " ORDER BY SortOrder").json().path("records");
    }

    private String statusId(String campaignId, String label) {
        return api.query("SELECT Id FROM CampaignMemberStatus WHERE CampaignId = " + q(campaignId) + " AND Label = "
                + q(label)).json().path("records").get(0).path("Id").asText();
    }

    @Test
    void newCampaignGetsSentAsDefaultAndResponded() {
        String c = campaign("Webinar");
        JsonNode rows = statuses(c);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("Label").asText()).isEqualTo("Sent");
        assertThat(rows.get(0).path("IsDefault").asBoolean()).isTrue();
        assertThat(rows.get(0).path("HasResponded").asBoolean()).isFalse();
        assertThat(rows.get(1).path("Label").asText()).isEqualTo("Responded");
        assertThat(rows.get(1).path("IsDefault").asBoolean()).isFalse();
        assertThat(rows.get(1).path("HasResponded").asBoolean()).isTrue();
    }

    @Test
    void duplicateLeadMemberInsertIsRejectedWithDuplicateValue() {
        String c = campaign("Dup");
        String l = lead("Doe");
        String first = member(c, l, null);
        Api.Response r = api.post(Api.V + "/sobjects/CampaignMember",
                "{\"CampaignId\":\"" + c + "\",\"LeadId\":\"" + l + "\",\"Status\":\"Responded\"}");
        JsonNode error = assertError(r, 400, "DUPLICATE_VALUE");
        assertThat(error.path("message").asText()).isEqualTo("Already a campaign member.");
        assertThat(error.path("fields")).isEmpty();
        JsonNode existing = api.get(Api.V + "/sobjects/CampaignMember/" + first).json();
        assertThat(existing.path("Status").asText()).as("existing row untouched").isEqualTo("Sent");
    }

    @Test
    void duplicateContactMemberInCollectionsFailsWithStatusCode() {
        String c = campaign("Dup contacts");
        String contact = api.create("Contact", "{\"LastName\":\"Roe\"}");
        String body = "{\"allOrNone\":false,\"records\":["
                + "{\"attributes\":{\"type\":\"CampaignMember\"},\"CampaignId\":\"" + c + "\",\"ContactId\":\"" + contact
                + "\"},{\"attributes\":{\"type\":\"CampaignMember\"},\"CampaignId\":\"" + c + "\",\"ContactId\":\""
                + contact + "\"}]}";
        Api.Response r = api.post(Api.V + "/composite/sobjects", body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(r.json().get(0).path("success").asBoolean()).isTrue();
        JsonNode error = assertRecordError(r.json().get(1), "DUPLICATE_VALUE");
        assertThat(error.path("message").asText()).isEqualTo("Already a campaign member.");
    }

    @Test
    void memberStatusOutsideTheCampaignsStatusesIsRejected() {
        String c = campaign("Statuses");
        Api.Response r = api.post(Api.V + "/sobjects/CampaignMember",
                "{\"CampaignId\":\"" + c + "\",\"LeadId\":\"" + lead("X") + "\",\"Status\":\"Attended\"}");
        JsonNode error = assertError(r, 400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(error.path("message").asText()).isEqualTo("Status: bad value for restricted picklist field: Attended");
        assertThat(error.path("fields").get(0).asText()).isEqualTo("Status");
    }

    @Test
    void memberStatusUpdateToAnUnknownStatusIsRejected() {
        String c = campaign("Statuses");
        String m = member(c, lead("Y"), null);
        assertError(api.patch(Api.V + "/sobjects/CampaignMember/" + m, "{\"Status\":\"Nope\"}"), 400,
                "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
    }

    @Test
    void hasRespondedAndFirstRespondedDateFollowTheStatus() {
        emulator.control().setClock(java.time.Instant.parse("2026-03-02T08:00:03.400Z"));
        String c = campaign("Responses");
        String m = member(c, lead("Z"), null);
        JsonNode sent = api.get(Api.V + "/sobjects/CampaignMember/" + m).json();
        assertThat(sent.path("Status").asText()).isEqualTo("Sent");
        assertThat(sent.path("HasResponded").asBoolean()).isFalse();
        assertThat(sent.path("FirstRespondedDate").isNull()).isTrue();
        assertThat(api.patch(Api.V + "/sobjects/CampaignMember/" + m, "{\"Status\":\"Responded\"}").status())
                .isEqualTo(204);
        JsonNode responded = api.get(Api.V + "/sobjects/CampaignMember/" + m).json();
        assertThat(responded.path("HasResponded").asBoolean()).isTrue();
        assertThat(responded.path("FirstRespondedDate").asText()).isEqualTo("2026-03-02");
        assertThat(responded.path("SystemModstamp").asText()).isEqualTo("2026-03-02T08:00:03.000+0000");
        JsonNode campaign = api.get(Api.V + "/sobjects/Campaign/" + c).json();
        assertThat(campaign.path("NumberOfResponses").asInt()).isEqualTo(1);
        assertThat(campaign.path("NumberOfLeads").asInt()).isEqualTo(1);
    }

    @Test
    void hasRespondedCannotBeWrittenDirectly() {
        String c = campaign("ReadOnly");
        Api.Response r = api.post(Api.V + "/sobjects/CampaignMember", "{\"CampaignId\":\"" + c + "\",\"LeadId\":\""
                + lead("R") + "\",\"HasResponded\":true}");
        JsonNode error = assertError(r, 400, "INVALID_FIELD_FOR_INSERT_UPDATE");
        assertThat(error.path("message").asText()).startsWith("Unable to create/update fields: HasResponded.");
        assertThat(error.path("fields").get(0).asText()).isEqualTo("HasResponded");
    }

    @Test
    void defaultStatusCannotBeDeleted() {
        String c = campaign("Guard");
        JsonNode error = assertError(api.delete(Api.V + "/sobjects/CampaignMemberStatus/" + statusId(c, "Sent")), 400,
                "INVALID_OPERATION");
        assertThat(error.path("message").asText()).contains("default");
    }

    @Test
    void statusInUseCannotBeDeleted() {
        String c = campaign("Guard");
        api.create("CampaignMemberStatus", "{\"CampaignId\":\"" + c + "\",\"Label\":\"Attended\",\"HasResponded\":true}");
        member(c, lead("U"), "Attended");
        JsonNode error = assertError(api.delete(Api.V + "/sobjects/CampaignMemberStatus/" + statusId(c, "Attended")),
                400, "INVALID_OPERATION");
        assertThat(error.path("message").asText()).contains("1 campaign member");
    }

    @Test
    void unusedNonDefaultStatusCanBeDeleted() {
        String c = campaign("Guard");
        api.create("CampaignMemberStatus", "{\"CampaignId\":\"" + c + "\",\"Label\":\"Registered\"}");
        assertThat(api.delete(Api.V + "/sobjects/CampaignMemberStatus/" + statusId(c, "Registered")).status())
                .isEqualTo(204);
        assertThat(statuses(c)).hasSize(2);
    }

    @Test
    void duplicateStatusLabelIsRejected() {
        String c = campaign("Labels");
        JsonNode error = assertError(api.post(Api.V + "/sobjects/CampaignMemberStatus",
                "{\"CampaignId\":\"" + c + "\",\"Label\":\"Sent\"}"), 400, "DUPLICATE_VALUE");
        assertThat(error.path("fields").get(0).asText()).isEqualTo("Label");
    }

    @Test
    void makingAnotherStatusDefaultClearsThePreviousDefault() {
        String c = campaign("Default");
        assertThat(api.patch(Api.V + "/sobjects/CampaignMemberStatus/" + statusId(c, "Responded"),
                "{\"IsDefault\":true}").status()).isEqualTo(204);
        JsonNode rows = statuses(c);
        assertThat(rows.get(0).path("IsDefault").asBoolean()).isFalse();
        assertThat(rows.get(1).path("IsDefault").asBoolean()).isTrue();
        assertThat(member(c, lead("D"), null)).isNotBlank();
        assertThat(api.query("SELECT Status FROM CampaignMember WHERE CampaignId = " + q(c)).json()
                .path("records").get(0).path("Status").asText()).isEqualTo("Responded");
    }

    @Test
    void deletingACampaignDeletesItsMembersAndStatuses() {
        String c = campaign("Cascade");
        String m = member(c, lead("C"), null);
        assertThat(api.delete(Api.V + "/sobjects/Campaign/" + c).status()).isEqualTo(204);
        assertThat(api.query("SELECT COUNT() FROM CampaignMember WHERE CampaignId = " + q(c)).json()
                .path("totalSize").asInt()).isZero();
        assertThat(api.query("SELECT COUNT() FROM CampaignMemberStatus WHERE CampaignId = " + q(c)).json()
                .path("totalSize").asInt()).isZero();
        JsonNode deleted = api.queryAll("SELECT Id, IsDeleted FROM CampaignMember WHERE Id = " + q(m)).json();
        assertThat(deleted.path("records").get(0).path("IsDeleted").asBoolean()).isTrue();
        assertError(api.get(Api.V + "/sobjects/CampaignMember/" + m), 404, "ENTITY_IS_DELETED");
    }

    @Test
    void leadNeedsLastNameAndCompany() {
        JsonNode error = assertError(api.post(Api.V + "/sobjects/Lead", "{\"FirstName\":\"Ann\"}"), 400,
                "REQUIRED_FIELD_MISSING");
        assertThat(error.path("message").asText()).isEqualTo("Required fields are missing: [LastName, Company]");
        List<String> fields = new ArrayList<>();
        error.path("fields").forEach(f -> fields.add(f.asText()));
        assertThat(fields).containsExactly("LastName", "Company");
    }

    @Test
    void nonMarketingUserCannotInsertACampaign() {
        Api analyst = Api.loggedInAs(emulator, "analyst@tandem.dev", "analyst-password");
        JsonNode error = assertError(analyst.post(Api.V + "/sobjects/Campaign", "{\"Name\":\"Nope\"}"), 400,
                "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY");
        assertThat(error.path("message").asText()).isEqualTo("entity type cannot be inserted: Campaign");
    }

    @Test
    void nonMarketingUserCannotUpdateACampaign() {
        String c = campaign("Owned");
        Api analyst = Api.loggedInAs(emulator, "analyst@tandem.dev", "analyst-password");
        JsonNode error = assertError(analyst.patch(Api.V + "/sobjects/Campaign/" + c, "{\"Name\":\"Renamed\"}"), 400,
                "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY");
        assertThat(error.path("message").asText()).isEqualTo("entity type cannot be updated: Campaign");
    }

    @Test
    void nonMarketingUserCannotInsertACampaignMemberStatus() {
        String c = campaign("Owned");
        Api analyst = Api.loggedInAs(emulator, "analyst@tandem.dev", "analyst-password");
        JsonNode error = assertError(analyst.post(Api.V + "/sobjects/CampaignMemberStatus",
                "{\"CampaignId\":\"" + c + "\",\"Label\":\"Attended\"}"), 400, "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY");
        assertThat(error.path("message").asText()).isEqualTo("entity type cannot be inserted: Campaign Member Status");
    }

    @Test
    void nonMarketingUserCampaignInsertInCollectionsFailsPerRecord() {
        Api analyst = Api.loggedInAs(emulator, "analyst@tandem.dev", "analyst-password");
        Api.Response r = analyst.post(Api.V + "/composite/sobjects",
                "{\"records\":[{\"attributes\":{\"type\":\"Campaign\"},\"Name\":\"Nope\"}]}");
        assertThat(r.status()).isEqualTo(200);
        assertRecordError(r.json().get(0), "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY");
    }

    @Test
    void togglingTheMarketingUserFlagTakesEffectImmediately() {
        emulator.control().setMarketingUser("analyst@tandem.dev", true);
        Api analyst = Api.loggedInAs(emulator, "analyst@tandem.dev", "analyst-password");
        assertThat(analyst.post(Api.V + "/sobjects/Campaign", "{\"Name\":\"Now allowed\"}").status()).isEqualTo(201);
        emulator.control().setMarketingUser("analyst@tandem.dev", false);
        assertError(analyst.post(Api.V + "/sobjects/Campaign", "{\"Name\":\"Again refused\"}"), 400,
                "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY");
        assertThat(analyst.query("SELECT UserPermissionsMarketingUser FROM User WHERE Username = 'analyst@tandem.dev'")
                .json().path("records").get(0).path("UserPermissionsMarketingUser").asBoolean()).isFalse();
    }

    @Test
    void dailyApiLimitExhaustionIsRejectedWithRequestLimitExceeded() {
        emulator.control().setApiUsage(15_000, 15_000);
        Api.Response r = api.query("SELECT Id FROM Campaign");
        JsonNode error = assertError(r, 403, "REQUEST_LIMIT_EXCEEDED");
        assertThat(error.path("message").asText()).isEqualTo("TotalRequests Limit exceeded.");
        assertThat(r.header("Sforce-Limit-Info")).isEqualTo("api-usage=15000/15000");
        assertThat(emulator.control().apiCallsUsed()).isEqualTo(15_000);
    }

    @Test
    void eachApiCallIsCountedInTheLimitHeader() {
        emulator.control().setApiUsage(41, 15_000);
        assertThat(api.query("SELECT Id FROM Campaign").header("Sforce-Limit-Info")).isEqualTo("api-usage=42/15000");
        assertThat(api.get(Api.V + "/limits").json().path("DailyApiRequests").path("Remaining").asLong())
                .isEqualTo(15_000 - 43);
    }

    @Test
    void convertedLeadKeepsItsMembershipAsAContactAndRejectsUpdates() {
        String c = campaign("Convert");
        String l = lead("Convertible");
        String m = member(c, l, "Responded");
        String contact = emulator.control().convertLead(l);
        assertThat(contact).startsWith("003");
        JsonNode row = api.get(Api.V + "/sobjects/CampaignMember/" + m).json();
        assertThat(row.path("ContactId").asText()).isEqualTo(contact);
        assertThat(row.path("LeadId").asText()).isEqualTo(l);
        JsonNode leadRow = api.get(Api.V + "/sobjects/Lead/" + l).json();
        assertThat(leadRow.path("IsConverted").asBoolean()).isTrue();
        assertThat(leadRow.path("ConvertedContactId").asText()).isEqualTo(contact);
        JsonNode campaign = api.get(Api.V + "/sobjects/Campaign/" + c).json();
        assertThat(campaign.path("NumberOfContacts").asInt()).isEqualTo(1);
        assertThat(campaign.path("NumberOfConvertedLeads").asInt()).isEqualTo(1);
        JsonNode error = assertError(api.patch(Api.V + "/sobjects/Lead/" + l, "{\"Title\":\"CEO\"}"), 400,
                "CANNOT_UPDATE_CONVERTED_LEAD");
        assertThat(error.path("message").asText()).isEqualTo("cannot reference converted lead");
    }
}
