package dev.tandem.server.sync.link;

import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static dev.tandem.server.sync.link.LinkTestServer.requireSuccess;
import static dev.tandem.server.sync.link.LinkTestServer.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Type/ActualCost push of a node started again under its fixed name (TANDEM_NODE_ID) after a kill. */
class FieldsPushAfterRestartTest {
    private static final String NODE = "tandem-1";

    private LinkTestServer server;

    @BeforeEach
    void start() {
        server = new LinkTestServer(TestDatabases.Kind.H2, Optional.of(NODE));
        server.connect();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFieldsPushLeaseLeftUnderThisNodesNameDoesNotHoldBackThePush() {
        long programId = server.createProgram("Event", "Webinar", "[{\"startDate\":\"2026-01-01\",\"cost\":100}]");
        String campaignId = requireSuccess(server.postJson(LinkTestServer.linkPath(programId),
                "{\"create\":{\"name\":\"" + unique("Restart") + "\"}}")).get(0).get("campaignId").asText();
        // What the killed process left: the push lease, held under the node's name for two more minutes.
        OffsetDateTime heldUntil = Instant.now().plus(Duration.ofMinutes(2)).atOffset(ZoneOffset.UTC);
        server.app().services().database().jdbi().useTransaction(h -> {
            h.execute("DELETE FROM sync_leases WHERE name = 'campaign-fields-push'");
            h.execute("INSERT INTO sync_leases (name, holder, held_until) VALUES ('campaign-fields-push', ?, ?)",
                    NODE, heldUntil);
        });

        requireSuccess(server.postForm("/rest/asset/v1/program/" + programId + ".json",
                Map.of("costs", "[{\"startDate\":\"2026-03-01\",\"cost\":250}]")));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                server.campaign(campaignId).getDecimal("ActualCost")).isEqualByComparingTo(new BigDecimal(350)));
    }
}
