package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.http.MutableClock;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two engine nodes on one PostgreSQL database, both working in the background at once. */
class TwoNodesTest {
    private static final int PEOPLE = 120;

    private TestDatabases.TestDatabase database;
    private AutomationServer first;
    private AutomationServer second;

    @BeforeEach
    void startNodes() {
        database = TestDatabases.create(TestDatabases.Kind.POSTGRES);
        MutableClock clock = AutomationServer.clock();
        first = AutomationServer.backgroundNode(database, clock);
        second = AutomationServer.backgroundNode(database, clock);
    }

    @AfterEach
    void stopNodes() {
        second.close();
        first.close();
        database.drop();
    }

    @Test
    void eachQualifyingTriggerRunsExactlyOnceAcrossTwoNodes() {
        long webinar = program(first, "Source");
        long target = program(first, "Target");
        long campaign = id(first.postForm("/rest/asset/v1/smartCampaigns.json",
                Map.of("name", "Two nodes", "folder", "{\"id\":1,\"type\":\"Folder\"}")));
        ok(first.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/rules.json",
                "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":" + webinar + "}],"
                        + "\"qualification\":{\"rule\":\"every time\"}}"));
        ok(first.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/flow.json",
                "{\"steps\":[{\"action\":\"changeProgramStatus\",\"programId\":" + target
                        + ",\"status\":\"Member\"}]}"));
        ok(second.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/activate.json", ""));
        List<Long> people = people(first);

        // Each person's status changes twice, half through each node: two qualifying activities per person.
        for (int i = 0; i < PEOPLE; i += 30) {
            List<Long> slice = people.subList(i, i + 30);
            setStatus(i % 60 == 0 ? first : second, webinar, "Member", slice);
            setStatus(i % 60 == 0 ? second : first, webinar, "Registered", slice);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("SELECT COUNT(*) FROM automation_trigger_events") == 0
                        && count("SELECT COUNT(*) FROM automation_flow_runs WHERE state = 'PENDING'") == 0);
        assertThat(count("SELECT COUNT(*) FROM automation_flow_runs")).isEqualTo(2L * PEOPLE);
        assertThat(count("SELECT COUNT(DISTINCT activity_id) FROM automation_flow_runs")).isEqualTo(2L * PEOPLE);
        assertThat(count("SELECT COUNT(*) FROM automation_step_log")).as("each run's step executed once")
                .isEqualTo(2L * PEOPLE);
        assertThat(count("SELECT COUNT(*) FROM activities WHERE campaign_id = " + campaign))
                .as("the first run adds each person, the second is skipped as already in that status")
                .isEqualTo(PEOPLE);
        assertThat(count("SELECT COUNT(*) FROM memberships WHERE program_id = " + target)).isEqualTo(PEOPLE);
    }

    private long count(String sql) {
        return first.app().services().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static long program(AutomationServer node, String name) {
        return id(node.postForm("/rest/asset/v1/programs.json", Map.of("name", name, "folder",
                "{\"id\":1,\"type\":\"Folder\"}", "type", "Event", "channel", "Webinar")));
    }

    private static List<Long> people(AutomationServer node) {
        String input = java.util.stream.IntStream.range(0, PEOPLE)
                .mapToObj(i -> "{\"email\":\"n" + i + "@two.example.com\",\"lastName\":\"N" + i + "\"}")
                .collect(Collectors.joining(","));
        List<Long> ids = new ArrayList<>();
        ok(node.postJson("/rest/v1/leads.json", "{\"input\":[" + input + "]}")).forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private static void setStatus(AutomationServer node, long program, String status, List<Long> ids) {
        String input = ids.stream().map(id -> "{\"leadId\":" + id + "}").collect(Collectors.joining(",", "[", "]"));
        ok(node.postJson("/rest/v1/programs/" + program + "/members/status.json",
                "{\"statusName\":\"" + status + "\",\"input\":" + input + "}"));
    }

    private static long id(JsonNode response) {
        return ok(response).get(0).get("id").asLong();
    }

    private static JsonNode ok(JsonNode response) {
        assertThat(response.get("success").asBoolean()).as("success in %s", response).isTrue();
        return response.get("result");
    }
}
