package dev.tandem.server.sync.link;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.query.Soql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tandem.server.sync.link.LinkTestServer.linkPath;
import static dev.tandem.server.sync.link.LinkTestServer.subPath;
import static dev.tandem.server.sync.link.LinkTestServer.requireSuccess;
import static dev.tandem.server.sync.link.LinkTestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input to every LINK endpoint: a Marketo error naming each field, and nothing written on either side. */
class LinkInputEndToEndTest {

    static LinkTestServer server;

    @BeforeAll
    static void start() {
        server = new LinkTestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void freshOrg() {
        server.emulator.control().reset();
        server.connect();
    }

    @Test
    void syncSettingsRejectEveryBadFieldTogetherAndKeepTheOldValues() {
        JsonNode before = requireSuccess(server.get("/rest/tandem/v1/settings/sync.json"));

        JsonNode refused = server.postJson("/rest/tandem/v1/settings/sync.json",
                "{\"campaignSyncEnabled\":false,\"pollIntervalSeconds\":0,\"apiBudgetPercent\":\"half\","
                        + "\"defaultLeadCompany\":\"\",\"colour\":\"red\"}");

        assertThat(messages(refused)).anyMatch(m -> m.startsWith("pollIntervalSeconds"))
                .anyMatch(m -> m.startsWith("apiBudgetPercent")).anyMatch(m -> m.startsWith("defaultLeadCompany"))
                .anyMatch(m -> m.startsWith("colour"));
        assertThat(codes(refused)).contains("701", "1003");
        assertThat(requireSuccess(server.get("/rest/tandem/v1/settings/sync.json"))).isEqualTo(before);
    }

    @Test
    void malformedJsonAndWrongContentTypeAreRefusedByTheEnvelope() {
        JsonNode malformed = server.postJson("/rest/tandem/v1/settings/sync.json", "{\"campaignSyncEnabled\":");
        assertThat(codes(malformed)).containsExactly("609");
        JsonNode form = server.postForm("/rest/tandem/v1/settings/salesforce.json", Map.of("loginUrl", "x"));
        assertThat(codes(form)).containsExactly("612");
    }

    @Test
    void connectionSettingsRejectBadFieldsAndKeepTheStoredConnection() {
        JsonNode before = requireSuccess(server.get("/rest/tandem/v1/settings/salesforce.json"));

        JsonNode refused = server.postJson("/rest/tandem/v1/settings/salesforce.json",
                "{\"loginUrl\":\"not a url\",\"authMode\":\"TELEPATHY\",\"password\":null}");

        assertThat(messages(refused)).anyMatch(m -> m.startsWith("loginUrl"))
                .anyMatch(m -> m.startsWith("authMode"));
        assertThat(requireSuccess(server.get("/rest/tandem/v1/settings/salesforce.json"))).isEqualTo(before);
    }

    @Test
    void campaignSearchRejectsAnOverlongName() {
        JsonNode refused = server.get("/rest/tandem/v1/salesforce/campaigns.json?name=" + "x".repeat(81));

        assertThat(codes(refused)).containsExactly("1003");
        assertThat(messages(refused).get(0)).startsWith("name");
    }

    @Test
    void linkRequestsWithBadBodiesNameTheFieldAndCreateNothing() {
        long programId = server.createProgram("Event", "Webinar", null);
        long campaignsBefore = campaigns();

        assertThat(codesAndFields(server.postJson(linkPath(programId), "{}"))).containsExactly("701 campaignId");
        assertThat(codesAndFields(server.postJson(linkPath(programId), "{\"campaignId\":\"abc\"}")))
                .containsExactly("1003 campaignId");
        assertThat(codesAndFields(server.postJson(linkPath(programId), "{\"create\":{\"name\":\" \"}}")))
                .containsExactly("701 create.name");
        assertThat(codesAndFields(server.postJson(linkPath(programId), "{\"create\":{\"name\":\""
                + "n".repeat(81) + "\"}}"))).containsExactly("1003 create.name");
        assertThat(codesAndFields(server.postJson(linkPath(programId),
                "{\"campaignId\":\"701000000000001AAA\",\"create\":{\"name\":\"x\"}}")))
                .containsExactly("1003 campaignId");
        assertThat(codesAndFields(server.postJson(linkPath(programId), "{\"colour\":1,\"create\":{\"name\":\"x\"}}")))
                .containsExactly("1003 colour");

        assertThat(campaigns()).isEqualTo(campaignsBefore);
        assertThat(requireSuccess(server.get(linkPath(programId)))).isEmpty();
    }

    @Test
    void linkToUnknownProgramOrCampaignIsNotFoundAndCreatesNothing() {
        long programId = server.createProgram("Event", "Webinar", null);
        long campaignsBefore = campaigns();

        assertThat(codes(server.postJson(linkPath(987_654_321L), "{\"create\":{\"name\":\"x\"}}")))
                .containsExactly("1013");
        assertThat(codes(server.postJson("/rest/tandem/v1/programs/abc/salesforceCampaign.json",
                "{\"create\":{\"name\":\"x\"}}"))).containsExactly("610");
        JsonNode unknownCampaign = server.postJson(linkPath(programId), "{\"campaignId\":\"701000000000001AAA\"}");
        assertThat(codes(unknownCampaign)).containsExactly("1013");
        assertThat(messages(unknownCampaign).get(0)).startsWith("campaignId");

        assertThat(campaigns()).isEqualTo(campaignsBefore);
        assertThat(requireSuccess(server.get(linkPath(programId)))).isEmpty();
    }

    @Test
    void compatibilityNeedsAWellFormedCampaignId() {
        long programId = server.createProgram("Event", "Webinar", null);

        assertThat(codesAndFields(server.get(subPath(programId, "compatibility.json"))))
                .containsExactly("701 campaignId");
        assertThat(codesAndFields(server.get(subPath(programId, "compatibility.json?campaignId=701x"))))
                .containsExactly("1003 campaignId");
    }

    @Test
    void matchStatusesRejectsABadMapAndChangesNothingInSalesforce() {
        long programId = server.createProgram("Event", "Webinar", null);
        String campaignId = server.existingCampaign(unique("Match"), Map.of("Sent", 2));
        List<String> statusesBefore = labels(campaignId);

        JsonNode unknownTarget = server.postJson(subPath(programId, "matchStatuses.json"), "{\"campaignId\":\""
                + campaignId + "\",\"map\":{\"Sent\":\"Nope\",\"Ghost\":\"Member\",\"Attended\":\"Member\"}}");
        JsonNode notAnObject = server.postJson(subPath(programId, "matchStatuses.json"), "{\"campaignId\":\""
                + campaignId + "\",\"map\":[\"Sent\"]}");
        JsonNode noCampaign = server.postJson(subPath(programId, "matchStatuses.json"), "{\"map\":{}}");

        assertThat(messages(unknownTarget)).anyMatch(m -> m.startsWith("map.Sent") && m.contains("'Nope'"))
                .anyMatch(m -> m.startsWith("map.Ghost")).anyMatch(m -> m.startsWith("map.Attended"));
        assertThat(codesAndFields(notAnObject)).containsExactly("1003 map");
        assertThat(codesAndFields(noCampaign)).containsExactly("701 campaignId");
        assertThat(labels(campaignId)).isEqualTo(statusesBefore);
        assertThat(server.statusCounts(campaignId)).containsOnly(Map.entry("Sent", 2L));
    }

    @Test
    void unlinkOfUnknownOrUnlinkedProgramIsRefused() {
        long programId = server.createProgram("Event", "Webinar", null);

        assertThat(codes(server.postJson(subPath(987_654_321L, "delete.json"), "{}"))).containsExactly("1013");
        assertThat(codes(server.postJson(subPath(programId, "delete.json"), "{}"))).containsExactly("709");
    }

    private static long campaigns() {
        return server.salesforce.count(Soql.selectCount().from("Campaign").build());
    }

    private static List<String> labels(String campaignId) {
        return server.statuses(campaignId).stream().map(s -> s.getString("Label")).toList();
    }

    private static List<String> codes(JsonNode response) {
        assertThat(response.get("success").asBoolean()).as("refused: %s", response).isFalse();
        List<String> codes = new ArrayList<>();
        response.get("errors").forEach(e -> codes.add(e.get("code").asText()));
        return codes;
    }

    private static List<String> messages(JsonNode response) {
        assertThat(response.get("success").asBoolean()).as("refused: %s", response).isFalse();
        List<String> messages = new ArrayList<>();
        response.get("errors").forEach(e -> messages.add(e.get("message").asText()));
        return messages;
    }

    /** "code field" per error, the field being the message's first word. */
    private static List<String> codesAndFields(JsonNode response) {
        assertThat(response.get("success").asBoolean()).as("refused: %s", response).isFalse();
        List<String> out = new ArrayList<>();
        response.get("errors").forEach(e -> out.add(e.get("code").asText() + " "
                + e.get("message").asText().split(" ")[0]));
        return out;
    }
}
