package dev.tandem.server.sync.link;

import dev.tandem.server.http.ApiCaller;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.query.SObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.tandem.server.sync.link.LinkTestServer.requireSuccess;
import static dev.tandem.server.sync.link.LinkTestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Linking programs to campaigns end to end: Tandem's REST API over HTTP against the Salesforce emulator. */
class CampaignLinkEndToEndTest {

    static LinkTestServer server;

    @BeforeAll
    static void start() {
        server = new LinkTestServer();
        // One org for the class: the emulator reissues the same ids after a reset, and Tandem's links remember them.
        server.connect();
    }

    @BeforeEach
    void campaignSyncOn() {
        requireSuccess(server.postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":true}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void linkToNewCampaignCreatesChannelStatusesTypeAndActualCost() {
        long programId = server.createProgram("Event", "Webinar",
                "[{\"startDate\":\"2026-01-01\",\"cost\":1200},{\"startDate\":\"2026-02-01\",\"cost\":300}]");
        String name = unique("Spring Webinar");

        JsonNode link = requireSuccess(server.postJson(LinkTestServer.linkPath(programId), "{\"create\":{\"name\":\"" + name + "\"}}"))
                .get(0);

        String campaignId = link.get("campaignId").asText();
        SObject campaign = server.campaign(campaignId);
        assertThat(campaign.getString("Name")).isEqualTo(name);
        assertThat(campaign.getString("Type")).isEqualTo("Webinar");
        assertThat(campaign.getDecimal("ActualCost")).isEqualByComparingTo(new BigDecimal(1500));
        List<SObject> statuses = server.statuses(campaignId);
        assertThat(statuses).extracting(s -> s.getString("Label"))
                .containsExactly("Member", "Registered", "No Show", "Attended", "Attended On-Demand");
        assertThat(statuses).filteredOn(s -> Boolean.TRUE.equals(s.getBoolean("IsDefault")))
                .extracting(s -> s.getString("Label")).containsExactly("Member");
        assertThat(statuses).filteredOn(s -> Boolean.TRUE.equals(s.getBoolean("HasResponded")))
                .extracting(s -> s.getString("Label")).containsExactly("Attended", "Attended On-Demand");
        JsonNode program = requireSuccess(server.get("/rest/asset/v1/program/" + programId + ".json")).get(0);
        assertThat(program.get("sfdcId").asText()).isEqualTo(campaignId);
        assertThat(program.get("sfdcName").asText()).isEqualTo(name);
        JsonNode stored = requireSuccess(server.get(LinkTestServer.linkPath(programId))).get(0);
        assertThat(stored.get("campaignId").asText()).isEqualTo(campaignId);
        assertThat(stored.get("paused").asBoolean()).isFalse();
    }

    @Test
    void incompatibleCampaignIsRefusedPreciselyThenLinksAfterMatchingStatuses() {
        String campaignName = unique("Existing");
        String campaignId = server.existingCampaign(campaignName, Map.of("Sent", 3, "Responded", 1));
        long programId = server.createProgram("Event", "Webinar", null);
        String programName = requireSuccess(server.get("/rest/asset/v1/program/" + programId + ".json")).get(0)
                .get("name").asText();

        JsonNode refused = server.postJson(LinkTestServer.linkPath(programId), "{\"campaignId\":\"" + campaignId + "\"}");

        assertThat(refused.get("success").asBoolean()).isFalse();
        assertThat(refused.get("errors").get(0).get("code").asText()).isEqualTo("709");
        assertThat(refused.get("errors").get(0).get("message").asText()).contains("'" + programName + "'",
                "'" + campaignName + "'", campaignId, "channel 'Webinar'", "'Responded' (1 member)",
                "'Sent' (3 members)", "link a different campaign", "matchStatuses.json", "in Salesforce");
        assertThat(requireSuccess(server.get(LinkTestServer.linkPath(programId)))).isEmpty();
        assertThat(server.statusCounts(campaignId)).containsOnly(Map.entry("Sent", 3L), Map.entry("Responded", 1L));

        JsonNode compatibility = requireSuccess(server.get(LinkTestServer.linkPath(programId).replace(".json", "")
                + "/compatibility.json?campaignId=" + campaignId)).get(0);
        assertThat(compatibility.get("compatible").asBoolean()).isFalse();
        assertThat(compatibility.get("offending").toString())
                .isEqualTo("[{\"status\":\"Responded\",\"memberCount\":1},{\"status\":\"Sent\",\"memberCount\":3}]");
        assertThat(compatibility.get("missing").toString())
                .isEqualTo("[\"Member\",\"Registered\",\"No Show\",\"Attended\",\"Attended On-Demand\"]");

        JsonNode matched = requireSuccess(server.postJson(LinkTestServer.subPath(programId, "matchStatuses.json"),
                "{\"campaignId\":\"" + campaignId + "\",\"map\":{\"Sent\":\"Member\",\"Responded\":\"Attended\"}}"))
                .get(0);
        assertThat(matched.get("movedMembers").asLong()).isEqualTo(4);
        assertThat(matched.get("deletedStatuses").toString()).contains("Sent", "Responded");
        assertThat(matched.get("compatibility").get("compatible").asBoolean()).isTrue();
        assertThat(server.statusCounts(campaignId)).containsOnly(Map.entry("Member", 3L), Map.entry("Attended", 1L));

        JsonNode linked = requireSuccess(server.postJson(LinkTestServer.linkPath(programId), "{\"campaignId\":\"" + campaignId
                + "\"}")).get(0);
        assertThat(linked.get("campaignId").asText()).isEqualTo(campaignId);
        assertThat(server.campaign(campaignId).getString("Type")).isEqualTo("Webinar");
    }

    @Test
    void compatibleCampaignLinksAndGainsTheChannelStatusesItLacks() {
        String campaignId = server.existingCampaign(unique("Compatible"), Map.of());
        server.salesforce.create("CampaignMemberStatus", List.of(Map.of("CampaignId", campaignId, "Label", "Attended",
                "SortOrder", 10, "HasResponded", true)));
        long programId = server.createProgram("Event", "Webinar", null);

        requireSuccess(server.postJson(LinkTestServer.linkPath(programId), "{\"campaignId\":\"" + campaignId + "\"}"));

        assertThat(server.statuses(campaignId)).extracting(s -> s.getString("Label")).contains("Member", "Registered",
                "No Show", "Attended", "Attended On-Demand", "Sent", "Responded");
        assertThat(server.statuses(campaignId)).filteredOn(s -> Boolean.TRUE.equals(s.getBoolean("IsDefault")))
                .extracting(s -> s.getString("Label")).containsExactly("Member");
    }

    @Test
    void linksAreOneToOneBothWays() {
        long first = server.createProgram("Event", "Webinar", null);
        long second = server.createProgram("Event", "Webinar", null);
        String campaignId = requireSuccess(server.postJson(LinkTestServer.linkPath(first), "{\"create\":{\"name\":\""
                + unique("Solo") + "\"}}")).get(0).get("campaignId").asText();

        JsonNode again = server.postJson(LinkTestServer.linkPath(first), "{\"create\":{\"name\":\"" + unique("Other") + "\"}}");
        JsonNode taken = server.postJson(LinkTestServer.linkPath(second), "{\"campaignId\":\"" + campaignId + "\"}");

        assertThat(again.get("errors").get(0).get("code").asText()).isEqualTo("709");
        assertThat(again.get("errors").get(0).get("message").asText()).contains("already linked", campaignId,
                "delete.json");
        assertThat(taken.get("errors").get(0).get("code").asText()).isEqualTo("709");
        assertThat(taken.get("errors").get(0).get("message").asText()).contains("already linked to program",
                "(" + first + ")");
        JsonNode shortId = server.postJson(LinkTestServer.linkPath(second), "{\"campaignId\":\""
                + campaignId.substring(0, 15) + "\"}");
        assertThat(shortId.get("errors").get(0).get("message").asText()).contains("already linked to program");
        assertThat(requireSuccess(server.get(LinkTestServer.linkPath(second)))).isEmpty();
    }

    @Test
    void campaignListFindsByNameWithWildcardsTakenLiterallyAndShowsCountsStatusesAndLinks() {
        String prefix = unique("Sale");
        String literal = server.existingCampaign(prefix + " 50% Off", Map.of("Sent", 2));
        server.existingCampaign(prefix + " 50X Off", Map.of());
        long programId = server.createProgram("Event", "Webinar", null);

        JsonNode found = requireSuccess(server.get("/rest/tandem/v1/salesforce/campaigns.json?name="
                + ApiCaller.encode(prefix + " 50%")));

        assertThat(found).hasSize(1);
        JsonNode entry = found.get(0);
        assertThat(entry.get("id").asText()).isEqualTo(literal);
        assertThat(entry.get("memberCount").asLong()).isEqualTo(2);
        assertThat(entry.get("statuses").toString()).contains("Sent", "Responded");
        assertThat(entry.path("programId").isNull() || entry.path("programId").isMissingNode()).isTrue();

        matchAndLink(programId, literal, Map.of("Sent", "Member", "Responded", "Attended"));
        JsonNode again = requireSuccess(server.get("/rest/tandem/v1/salesforce/campaigns.json?name="
                + ApiCaller.encode(prefix)));
        assertThat(again).hasSize(2);
        List<Long> linkedPrograms = new ArrayList<>();
        again.forEach(c -> {
            if (c.path("programId").isNumber()) {
                linkedPrograms.add(c.get("programId").asLong());
            }
        });
        assertThat(linkedPrograms).containsExactly(programId);
    }

    @Test
    void unlinkStopsTheSyncAndLeavesBothSidesUntouched() {
        long programId = server.createProgram("Event", "Webinar", "[{\"startDate\":\"2026-01-01\",\"cost\":10}]");
        String campaignId = requireSuccess(server.postJson(LinkTestServer.linkPath(programId), "{\"create\":{\"name\":\""
                + unique("Unlink") + "\"}}")).get(0).get("campaignId").asText();
        // Paused, so that the members written below stay on their own side until the unlink.
        requireSuccess(server.postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":false}"));
        String leadId = server.salesforce.create("Lead", List.of(Map.of("LastName", "Kept", "Company", "Acme")))
                .get(0).id();
        server.salesforce.create("CampaignMember", List.of(Map.of("CampaignId", campaignId, "LeadId", leadId,
                "Status", "Registered")));
        long personId = requireSuccess(server.postJson("/rest/v1/leads.json", "{\"input\":[{\"email\":\""
                + unique("kept") + "@example.com\"}]}")).get(0).get("id").asLong();
        requireSuccess(server.postJson("/rest/v1/programs/" + programId + "/members/status.json",
                "{\"statusName\":\"Member\",\"input\":[{\"leadId\":" + personId + "}]}"));
        List<String> statusesBefore = server.statuses(campaignId).stream().map(s -> s.getString("Label")).toList();
        Map<String, Long> membersBefore = server.statusCounts(campaignId);
        long callsBefore = server.emulator.control().apiCallsUsed();

        JsonNode removed = requireSuccess(server.postJson(LinkTestServer.subPath(programId, "delete.json"), "{}")).get(0);

        assertThat(server.emulator.control().apiCallsUsed()).isEqualTo(callsBefore);
        assertThat(removed.get("campaignId").asText()).isEqualTo(campaignId);
        assertThat(requireSuccess(server.get(LinkTestServer.linkPath(programId)))).isEmpty();
        JsonNode program = requireSuccess(server.get("/rest/asset/v1/program/" + programId + ".json")).get(0);
        assertThat(program.get("sfdcId").isNull()).isTrue();
        assertThat(requireSuccess(server.get("/rest/v1/programs/" + programId
                + "/members.json?filterType=leadId&filterValues=" + personId))).hasSize(1);
        assertThat(server.campaign(campaignId).getString("Type")).isEqualTo("Webinar");
        assertThat(server.statusCounts(campaignId)).isEqualTo(membersBefore).containsEntry("Registered", 1L);
        assertThat(server.statuses(campaignId).stream().map(s -> s.getString("Label")).toList())
                .isEqualTo(statusesBefore);
        JsonNode again = server.postJson(LinkTestServer.subPath(programId, "delete.json"), "{}");
        assertThat(again.get("errors").get(0).get("code").asText()).isEqualTo("709");
        assertThat(again.get("errors").get(0).get("message").asText()).contains("is not linked");
    }

    @Test
    void costChangeThroughTheProgramApiReachesTheCampaignActualCost() {
        long programId = server.createProgram("Event", "Webinar", "[{\"startDate\":\"2026-01-01\",\"cost\":100}]");
        String campaignId = requireSuccess(server.postJson(LinkTestServer.linkPath(programId), "{\"create\":{\"name\":\""
                + unique("Costs") + "\"}}")).get(0).get("campaignId").asText();
        assertThat(server.campaign(campaignId).getDecimal("ActualCost")).isEqualByComparingTo(new BigDecimal(100));

        requireSuccess(server.postForm("/rest/asset/v1/program/" + programId + ".json",
                Map.of("costs", "[{\"startDate\":\"2026-03-01\",\"cost\":250}]")));
        requireSuccess(server.postForm("/rest/asset/v1/program/" + programId + ".json",
                Map.of("costs", "[{\"startDate\":\"2026-04-01\",\"cost\":50}]")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(server.campaign(campaignId).getDecimal("ActualCost")).isEqualByComparingTo(new BigDecimal(400)));
        assertThat(server.campaign(campaignId).getString("Type")).isEqualTo("Webinar");
    }

    @Test
    void costChangeWhileCampaignSyncIsOffIsPushedWhenItIsOnAgain() {
        long programId = server.createProgram("Event", "Webinar", "[{\"startDate\":\"2026-01-01\",\"cost\":100}]");
        String campaignId = requireSuccess(server.postJson(LinkTestServer.linkPath(programId), "{\"create\":{\"name\":\""
                + unique("Paused") + "\"}}")).get(0).get("campaignId").asText();
        requireSuccess(server.postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":false}"));
        assertThat(requireSuccess(server.get(LinkTestServer.linkPath(programId))).get(0).get("paused").asBoolean()).isTrue();

        requireSuccess(server.postForm("/rest/asset/v1/program/" + programId + ".json",
                Map.of("costs", "[{\"startDate\":\"2026-03-01\",\"cost\":900}]")));
        requireSuccess(server.postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":true}"));

        assertThat(requireSuccess(server.get(LinkTestServer.linkPath(programId))).get(0).get("paused").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(server.campaign(campaignId).getDecimal("ActualCost")).isEqualByComparingTo(new BigDecimal(1000)));
    }

    private static void matchAndLink(long programId, String campaignId, Map<String, String> map) {
        StringBuilder json = new StringBuilder();
        map.forEach((k, v) -> json.append(json.length() == 0 ? "" : ",").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        requireSuccess(server.postJson(LinkTestServer.subPath(programId, "matchStatuses.json"), "{\"campaignId\":\"" + campaignId
                + "\",\"map\":{" + json + "}}"));
        requireSuccess(server.postJson(LinkTestServer.linkPath(programId), "{\"campaignId\":\"" + campaignId + "\"}"));
    }

}
