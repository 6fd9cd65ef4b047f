package dev.tandem.server.sync.link;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import static dev.tandem.server.sync.link.LinkTestServer.requireSuccess;
import static dev.tandem.server.sync.link.LinkTestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The link journey once on PostgreSQL (the other end-to-end tests run on H2). */
class LinkOnPostgresEndToEndTest {

    @Test
    void linkCostPushAndUnlinkWorkOnPostgres() {
        try (LinkTestServer server = new LinkTestServer(TestDatabases.Kind.POSTGRES)) {
            server.connect();
            long programId = server.createProgram("Event", "Webinar", "[{\"startDate\":\"2026-01-01\",\"cost\":70}]");

            String campaignId = requireSuccess(server.postJson(LinkTestServer.linkPath(programId),
                    "{\"create\":{\"name\":\"" + unique("Postgres") + "\"}}")).get(0).get("campaignId").asText();
            requireSuccess(server.postForm("/rest/asset/v1/program/" + programId + ".json",
                    Map.of("costs", "[{\"startDate\":\"2026-02-01\",\"cost\":30}]")));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.campaign(campaignId)
                    .getDecimal("ActualCost")).isEqualByComparingTo(new BigDecimal(100)));
            JsonNode removed = requireSuccess(server.postJson(LinkTestServer.subPath(programId, "delete.json"), "{}"));
            assertThat(removed.get(0).get("campaignId").asText()).isEqualTo(campaignId);
            assertThat(server.campaign(campaignId).getString("Type")).isEqualTo("Webinar");
            assertThat(server.count("SELECT COUNT(*) FROM campaign_links")).isZero();
        }
    }
}
