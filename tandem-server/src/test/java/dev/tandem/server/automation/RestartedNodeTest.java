package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.automation.flow.FlowRun;
import dev.tandem.server.automation.flow.FlowRunStore;
import dev.tandem.server.http.MutableClock;
import dev.tandem.server.http.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A node killed while holding flow runs, started again under its fixed name (TANDEM_NODE_ID). */
class RestartedNodeTest {
    private static final String NODE = "automation-1";
    private static final int PEOPLE = 3;

    private TestDatabases.TestDatabase database;
    private MutableClock clock;
    private long target;
    private List<Long> leased;

    @BeforeEach
    void givenFlowRunsLeasedByANodeThatWasKilled() {
        database = TestDatabases.create(TestDatabases.Kind.POSTGRES);
        clock = AutomationServer.clock();
        try (AutomationServer killed = AutomationServer.namedNode(database, clock, NODE)) {
            long source = program(killed, "Source");
            target = program(killed, "Target");
            long campaign = id(killed.postForm("/rest/asset/v1/smartCampaigns.json",
                    Map.of("name", "Restart", "folder", "{\"id\":1,\"type\":\"Folder\"}")));
            ok(killed.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/rules.json",
                    "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":" + source + "}],"
                            + "\"qualification\":{\"rule\":\"every time\"}}"));
            ok(killed.postJson("/rest/tandem/v1/smartCampaigns/" + campaign + "/flow.json",
                    "{\"steps\":[{\"action\":\"changeProgramStatus\",\"programId\":" + target
                            + ",\"status\":\"Member\"}]}"));
            ok(killed.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/activate.json", ""));
            List<Long> people = people(killed);
            // What the process held when it died: runs started and leased for five minutes, no step done yet.
            FlowRunStore runs = new FlowRunStore();
            Jdbi jdbi = killed.app().services().database().jdbi();
            jdbi.useTransaction(h -> runs.startTriggered(h, IntStream.range(0, PEOPLE)
                    .mapToObj(i -> new FlowRunStore.TriggeredStart(campaign, people.get(i), 9000 + i, null, false))
                    .toList(), clock.instant()));
            leased = jdbi.inTransaction(h -> runs.claimDue(h, NODE, clock.instant(), Duration.ofMinutes(5), 100))
                    .stream().map(FlowRun::id).toList();
        }
        assertThat(leased).hasSize(PEOPLE);
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Test
    void theNodeStartedUnderTheSameNameContinuesItsRunsAtOnce() {
        try (AutomationServer restarted = AutomationServer.namedNode(database, clock, NODE)) {
            restarted.drain();

            assertThat(count(restarted, "SELECT COUNT(*) FROM automation_flow_runs WHERE state = 'DONE'"))
                    .isEqualTo(PEOPLE);
            assertThat(count(restarted, "SELECT COUNT(*) FROM memberships WHERE program_id = " + target))
                    .isEqualTo(PEOPLE);
        }
    }

    @Test
    void aNodeUnderAnotherNameLeavesTheRunsToTheirLease() {
        try (AutomationServer other = AutomationServer.namedNode(database, clock, "automation-2")) {
            other.drain();
            long doneBeforeExpiry = count(other, "SELECT COUNT(*) FROM automation_flow_runs WHERE state = 'DONE'");

            clock.advance(Duration.ofMinutes(5).plusSeconds(1));
            other.drain();

            assertThat(doneBeforeExpiry).isZero();
            assertThat(count(other, "SELECT COUNT(*) FROM memberships WHERE program_id = " + target))
                    .isEqualTo(PEOPLE);
        }
    }

    private static long count(AutomationServer node, String sql) {
        return node.app().services().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static long program(AutomationServer node, String name) {
        return id(node.postForm("/rest/asset/v1/programs.json", Map.of("name", name, "folder",
                "{\"id\":1,\"type\":\"Folder\"}", "type", "Event", "channel", "Webinar")));
    }

    private static List<Long> people(AutomationServer node) {
        String input = IntStream.range(0, PEOPLE)
                .mapToObj(i -> "{\"email\":\"r" + i + "@restart.example.com\",\"lastName\":\"R" + i + "\"}")
                .collect(Collectors.joining(","));
        List<Long> ids = new ArrayList<>();
        ok(node.postJson("/rest/v1/leads.json", "{\"input\":[" + input + "]}")).forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private static long id(JsonNode response) {
        return ok(response).get(0).get("id").asLong();
    }

    private static JsonNode ok(JsonNode response) {
        assertThat(response.get("success").asBoolean()).as("success in %s", response).isTrue();
        return response.get("result");
    }
}
