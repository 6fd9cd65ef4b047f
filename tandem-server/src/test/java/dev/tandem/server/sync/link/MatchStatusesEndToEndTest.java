package dev.tandem.server.sync.link;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.emulator.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.tandem.server.sync.link.LinkTestServer.requireSuccess;
import static dev.tandem.server.sync.link.LinkTestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** "Match statuses" on a campaign with more members than one collections call carries. */
class MatchStatusesEndToEndTest {

    static LinkTestServer server;

    @BeforeAll
    static void start() {
        server = new LinkTestServer();
        server.connect();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void membersOfAMappedStatusMoveInCollectionsOf200AndTheOldStatusIsDeleted() {
        String campaignId = server.salesforce.create("Campaign", List.of(Map.of("Name", unique("Big")))).get(0).id();
        List<Map<String, Object>> leads = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            leads.add(Map.of("LastName", "L" + i, "Company", "Acme"));
        }
        List<Map<String, Object>> members = new ArrayList<>();
        server.salesforce.create("Lead", leads).forEach(r ->
                members.add(Map.of("CampaignId", campaignId, "LeadId", r.id(), "Status", "Sent")));
        server.salesforce.create("CampaignMember", members);
        long programId = server.createProgram("Event", "Webinar", null);
        server.emulator.control().clearRequests();

        JsonNode matched = requireSuccess(server.postJson(LinkTestServer.subPath(programId, "matchStatuses.json"),
                "{\"campaignId\":\"" + campaignId + "\",\"map\":{\"Sent\":\"Registered\"}}")).get(0);

        assertThat(matched.get("movedMembers").asLong()).isEqualTo(450);
        assertThat(matched.get("deletedStatuses").toString()).isEqualTo("[\"Sent\"]");
        assertThat(matched.get("compatibility").get("compatible").asBoolean()).isTrue();
        List<RecordedRequest> patches = server.emulator.control().requests().stream()
                .filter(r -> r.method().equals("PATCH") && r.path().endsWith("/composite/sobjects")).toList();
        assertThat(patches).hasSize(3);
        assertThat(server.statusCounts(campaignId)).containsOnly(Map.entry("Registered", 450L));
        assertThat(server.statuses(campaignId)).extracting(s -> s.getString("Label")).doesNotContain("Sent")
                .contains("Member", "Registered", "Responded");
    }
}
