package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.emulator.org.UnknownStatusPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The behaviour switches for what Salesforce leaves unverified, and the remaining cascade and guard rules. */
class OrgSettingsTest {

    private static String setup(Api api) {
        return api.create("Campaign", "{\"Name\":\"Settings\"}");
    }

    @Test
    void unknownMemberStatusCanBeStoredAsGiven() {
        try (SalesforceEmulator e = SalesforceEmulator.start(EmulatorConfig.defaults()
                .withUnknownMemberStatus(UnknownStatusPolicy.STORE))) {
            Api api = Api.loggedIn(e);
            String c = setup(api);
            String l = api.create("Lead", "{\"LastName\":\"S\",\"Company\":\"C\"}");
            String m = api.create("CampaignMember", "{\"CampaignId\":\"" + c + "\",\"LeadId\":\"" + l
                    + "\",\"Status\":\"Attended\"}");
            JsonNode row = api.get(Api.V + "/sobjects/CampaignMember/" + m).json();
            assertThat(row.path("Status").asText()).isEqualTo("Attended");
            assertThat(row.path("HasResponded").asBoolean()).isFalse();
        }
    }

    @Test
    void unknownMemberStatusCanFallBackToTheDefault() {
        try (SalesforceEmulator e = SalesforceEmulator.start(EmulatorConfig.defaults()
                .withUnknownMemberStatus(UnknownStatusPolicy.DEFAULT))) {
            Api api = Api.loggedIn(e);
            String c = setup(api);
            String l = api.create("Lead", "{\"LastName\":\"S\",\"Company\":\"C\"}");
            String m = api.create("CampaignMember", "{\"CampaignId\":\"" + c + "\",\"LeadId\":\"" + l
                    + "\",\"Status\":\"Attended\"}");
            assertThat(api.get(Api.V + "/sobjects/CampaignMember/" + m).json().path("Status").asText()).isEqualTo("Sent");
        }
    }

    @Test
    void rollupsCanLeaveTheCampaignModstampAlone() {
        try (SalesforceEmulator e = SalesforceEmulator.start(EmulatorConfig.defaults()
                .withRollupsBumpCampaignModstamp(false))) {
            e.control().setClock(Instant.parse("2026-03-01T00:00:00Z"));
            Api api = Api.loggedIn(e);
            String c = setup(api);
            e.control().advanceClock(Duration.ofMinutes(1));
            String l = api.create("Lead", "{\"LastName\":\"S\",\"Company\":\"C\"}");
            api.create("CampaignMember", "{\"CampaignId\":\"" + c + "\",\"LeadId\":\"" + l + "\"}");
            JsonNode campaign = api.get(Api.V + "/sobjects/Campaign/" + c).json();
            assertThat(campaign.path("NumberOfLeads").asInt()).isEqualTo(1);
            assertThat(campaign.path("SystemModstamp").asText()).isEqualTo("2026-03-01T00:00:00.000+0000");
        }
    }

    @Test
    void queryPageSizeCapForcesSmallPages() {
        try (SalesforceEmulator e = SalesforceEmulator.start(EmulatorConfig.defaults().withQueryPageSizeCap(2))) {
            Api api = Api.loggedIn(e);
            for (int i = 0; i < 3; i++) {
                setup(api);
            }
            JsonNode page = api.query("SELECT Id FROM Campaign").json();
            assertThat(page.path("records")).hasSize(2);
            assertThat(api.get(page.path("nextRecordsUrl").asText()).json().path("records")).hasSize(1);
        }
    }

    @Test
    void statusesPerCampaignAreCapped() {
        try (SalesforceEmulator e = SalesforceEmulator.start(EmulatorConfig.defaults().withMaxStatusesPerCampaign(3))) {
            Api api = Api.loggedIn(e);
            String c = setup(api);
            api.create("CampaignMemberStatus", "{\"CampaignId\":\"" + c + "\",\"Label\":\"Third\"}");
            EmulatorTestBase.assertError(api.post(Api.V + "/sobjects/CampaignMemberStatus", "{\"CampaignId\":\"" + c
                    + "\",\"Label\":\"Fourth\"}"), 400, "LIMIT_EXCEEDED");
        }
    }

    @Test
    void deletingALeadRemovesItsMembershipsAndNonMarketingUsersCannotDeleteCampaigns() {
        try (SalesforceEmulator e = SalesforceEmulator.start(EmulatorConfig.defaults())) {
            Api api = Api.loggedIn(e);
            String c = setup(api);
            String l = api.create("Lead", "{\"LastName\":\"S\",\"Company\":\"C\"}");
            api.create("CampaignMember", "{\"CampaignId\":\"" + c + "\",\"LeadId\":\"" + l + "\"}");
            assertThat(api.delete(Api.V + "/sobjects/Lead/" + l).status()).isEqualTo(204);
            assertThat(api.query("SELECT COUNT() FROM CampaignMember").json().path("totalSize").asInt()).isZero();
            assertThat(api.get(Api.V + "/sobjects/Campaign/" + c).json().path("NumberOfLeads").asInt()).isZero();
            Api analyst = Api.loggedInAs(e, "analyst@tandem.dev", "analyst-password");
            JsonNode err = EmulatorTestBase.assertError(analyst.delete(Api.V + "/sobjects/Campaign/" + c), 400,
                    "INSUFFICIENT_ACCESS_OR_READONLY");
            assertThat(err.path("message").asText()).isEqualTo("insufficient access rights on object id");
        }
    }

    @Test
    void membersMayNameOnlyTheirOwnPeopleAndBothIdsKeepTheContact() {
        try (SalesforceEmulator e = SalesforceEmulator.start(EmulatorConfig.defaults())) {
            Api api = Api.loggedIn(e);
            String c = setup(api);
            String l = api.create("Lead", "{\"LastName\":\"L\",\"Company\":\"C\"}");
            String contact = api.create("Contact", "{\"LastName\":\"K\"}");
            String m = api.create("CampaignMember", "{\"CampaignId\":\"" + c + "\",\"LeadId\":\"" + l
                    + "\",\"ContactId\":\"" + contact + "\"}");
            JsonNode row = api.get(Api.V + "/sobjects/CampaignMember/" + m).json();
            assertThat(row.path("ContactId").asText()).isEqualTo(contact);
            assertThat(row.path("LeadId").isNull()).isTrue();
            assertThat(row.path("Type").asText()).isEqualTo("Contact");
            EmulatorTestBase.assertError(api.post(Api.V + "/sobjects/CampaignMember", "{\"CampaignId\":\"" + c + "\"}"),
                    400, "REQUIRED_FIELD_MISSING");
            EmulatorTestBase.assertError(api.patch(Api.V + "/sobjects/CampaignMember/" + m, "{\"LeadId\":\"" + l
                    + "\"}"), 400, "INVALID_FIELD_FOR_INSERT_UPDATE");
        }
    }
}
