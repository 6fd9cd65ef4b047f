package dev.tandem.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** getUpdated / getDeleted windows, describe, resources and limits. */
class ReplicationAndDescribeTest extends EmulatorTestBase {
    static final String START = "2026-03-01T10%3A00%3A00%2B00%3A00";

    @Test
    void updatedListsIdsChangedInTheWindowAtMinuteGranularity() {
        emulator.control().setClock(Instant.parse("2026-03-01T10:00:30Z"));
        String c = campaign("Replicated");
        emulator.control().advanceClock(Duration.ofMinutes(5));
        JsonNode r = api.get(Api.V + "/sobjects/Campaign/updated?start=" + START + "&end=2026-03-01T10%3A03%3A45Z")
                .json();
        assertThat(r.path("ids").get(0).asText()).isEqualTo(c);
        assertThat(r.path("latestDateCovered").asText()).isEqualTo("2026-03-01T10:03:00.000+0000");
        JsonNode slash = api.get(Api.V + "/sobjects/Campaign/updated/?start=" + START + "&end=2026-03-01T10%3A03%3A45Z")
                .json();
        assertThat(slash.path("ids")).hasSize(1);
    }

    @Test
    void latestDateCoveredNeverPassesNow() {
        emulator.control().setClock(Instant.parse("2026-03-01T10:02:30Z"));
        JsonNode r = api.get(Api.V + "/sobjects/Campaign/updated?start=" + START + "&end=2026-03-01T11%3A00%3A00Z")
                .json();
        assertThat(r.path("latestDateCovered").asText()).isEqualTo("2026-03-01T10:02:00.000+0000");
    }

    @Test
    void deletedListsDeletionsWithTheirDates() {
        emulator.control().setClock(Instant.parse("2026-03-01T10:00:00Z"));
        String c = campaign("Doomed");
        emulator.control().advanceClock(Duration.ofSeconds(90));
        api.delete(Api.V + "/sobjects/Campaign/" + c);
        emulator.control().advanceClock(Duration.ofMinutes(10));
        JsonNode r = api.get(Api.V + "/sobjects/Campaign/deleted?start=" + START + "&end=2026-03-01T10%3A05%3A00Z")
                .json();
        assertThat(r.path("deletedRecords").get(0).path("id").asText()).isEqualTo(c);
        assertThat(r.path("deletedRecords").get(0).path("deletedDate").asText()).isEqualTo("2026-03-01T10:01:30.000+0000");
        assertThat(r.path("earliestDateAvailable").asText()).isEqualTo("2026-02-14T10:11:00.000+0000");
        JsonNode updated = api.get(Api.V + "/sobjects/Campaign/updated?start=" + START
                + "&end=2026-03-01T10%3A05%3A00Z").json();
        assertThat(updated.path("ids")).isEmpty();
    }

    @Test
    void invalidReplicationWindowsAreRejected() {
        emulator.control().setClock(Instant.parse("2026-03-01T10:00:00Z"));
        assertError(api.get(Api.V + "/sobjects/Campaign/updated?start=2026-03-01T10%3A00%3A00Z&end=2026-03-01T09%3A00%3A00Z"),
                400, "INVALID_REPLICATION_DATE");
        assertError(api.get(Api.V + "/sobjects/Campaign/updated?start=2025-12-01T10%3A00%3A00Z&end=2026-03-01T09%3A00%3A00Z"),
                400, "INVALID_REPLICATION_DATE");
        assertError(api.get(Api.V + "/sobjects/Campaign/deleted?start=2026-02-01T10%3A00%3A00Z&end=2026-03-01T09%3A00%3A00Z"),
                400, "INVALID_REPLICATION_DATE");
        assertError(api.get(Api.V + "/sobjects/Campaign/updated?start=yesterday&end=2026-03-01T09%3A00%3A00Z"), 400,
                "INVALID_REPLICATION_DATE");
    }

    @Test
    void describeComesFromTheSameSchemaThatValidates() {
        JsonNode d = api.get(Api.V + "/sobjects/campaignmember/describe").json();
        assertThat(d.path("name").asText()).isEqualTo("CampaignMember");
        assertThat(d.path("keyPrefix").asText()).isEqualTo("00v");
        JsonNode campaignId = null;
        for (JsonNode f : d.path("fields")) {
            if (f.path("name").asText().equals("CampaignId")) {
                campaignId = f;
            }
        }
        assertThat(campaignId.path("type").asText()).isEqualTo("reference");
        assertThat(campaignId.path("createable").asBoolean()).isTrue();
        assertThat(campaignId.path("updateable").asBoolean()).isFalse();
        assertThat(campaignId.path("nillable").asBoolean()).isFalse();
        assertThat(campaignId.path("relationshipName").asText()).isEqualTo("Campaign");
        JsonNode campaign = api.get(Api.V + "/sobjects/Campaign/describe").json();
        assertThat(campaign.path("childRelationships").findValuesAsText("relationshipName")).contains("CampaignMembers");
        assertThat(campaign.path("recordTypeInfos").get(0).path("recordTypeId").asText()).isEqualTo("012000000000000AAA");
    }

    @Test
    void describeShowsCampaignsReadOnlyForNonMarketingUsers() {
        Api analyst = Api.loggedInAs(emulator, "analyst@tandem.dev", "analyst-password");
        JsonNode d = analyst.get(Api.V + "/sobjects/Campaign/describe").json();
        assertThat(d.path("createable").asBoolean()).isFalse();
        assertThat(api.get(Api.V + "/sobjects/Campaign/describe").json().path("createable").asBoolean()).isTrue();
    }

    @Test
    void describeGlobalListsEveryObject() {
        JsonNode g = api.get(Api.V + "/sobjects").json();
        assertThat(g.path("encoding").asText()).isEqualTo("UTF-8");
        assertThat(g.path("maxBatchSize").asInt()).isEqualTo(200);
        assertThat(g.path("sobjects").findValuesAsText("name")).containsExactlyInAnyOrder("Campaign", "CampaignMember",
                "CampaignMemberStatus", "Lead", "Contact", "Account", "User", "Organization");
        assertThat(api.get(Api.V + "/sobjects/Lead").json().path("objectDescribe").path("keyPrefix").asText())
                .isEqualTo("00Q");
    }

    @Test
    void resourcesListNamesTheIdentityUrl() {
        JsonNode r = api.get(Api.V).json();
        assertThat(r.path("query").asText()).isEqualTo(Api.V + "/query");
        assertThat(r.path("identity").asText()).startsWith(emulator.baseUrl() + "/id/" + emulator.orgId() + "/005");
    }

    @Test
    void everyApiVersionFrom31To66IsServed() {
        for (int v = 31; v <= 66; v++) {
            assertThat(api.get("/services/data/v" + v + ".0/limits").status()).as("v" + v).isEqualTo(200);
        }
        JsonNode versions = new Api(emulator.baseUrl()).get("/services/data").json();
        assertThat(versions.get(versions.size() - 1).path("label").asText()).isEqualTo("Spring '26");
        assertThat(versions.findValuesAsText("label")).contains("Winter '25");
    }

    @Test
    void createAnswersWithLocationAndLimitHeaders() {
        Api.Response r = api.post(Api.V + "/sobjects/Campaign", "{\"Name\":\"Headers\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo(Api.V + "/sobjects/Campaign/" + r.json().path("id").asText());
        assertThat(r.header("Sforce-Limit-Info")).matches("api-usage=\\d+/15000");
        assertThat(r.body()).isEqualTo("{\"id\":\"" + r.json().path("id").asText() + "\",\"success\":true,\"errors\":[]}");
        Api.Response update = api.patch(Api.V + "/sobjects/Campaign/" + r.json().path("id").asText(), "{\"Type\":\"Email\"}");
        assertThat(update.status()).isEqualTo(204);
        assertThat(update.header("Sforce-Limit-Info")).isNotNull();
    }

    @Test
    void methodOverrideTurnsPostIntoPatch() {
        String id = campaign("Override");
        assertThat(api.post(Api.V + "/sobjects/Campaign/" + id + "?_HttpMethod=PATCH", "{\"Type\":\"Email\"}").status())
                .isEqualTo(204);
        assertThat(api.get(Api.V + "/sobjects/Campaign/" + id + "?fields=Type").json().path("Type").asText())
                .isEqualTo("Email");
    }
}
