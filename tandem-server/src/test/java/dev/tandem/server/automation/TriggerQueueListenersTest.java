package dev.tandem.server.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.server.http.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trigger queue holds only activities that an active trigger campaign listens to. Each test has its own
 * database, since any active campaign of another test would change what is listened to.
 */
class TriggerQueueListenersTest {
    private static final String PERSON_CREATED = "{\"triggers\":[{\"type\":\"personCreated\"}]}";

    private AutomationServer server;

    @BeforeEach
    void start() {
        server = AutomationServer.onH2();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withNoActiveTriggerCampaignCreatingAPersonQueuesNothing() {
        createPerson(server);

        assertThat(count(server, "SELECT COUNT(*) FROM activities WHERE type_id = " + ActivityType.NEW_LEAD.id()))
                .isEqualTo(1);
        assertThat(queued(server)).isZero();
    }

    @Test
    void anActivityOfATypeTheActiveCampaignsDoNotListenToIsNotQueued() {
        long program = program(server);
        activate(server, trigger(server, "{\"triggers\":[{\"type\":\"programStatusChanged\",\"programId\":"
                + program + "}]}"));

        long person = createPerson(server);
        assertThat(queued(server)).as("a new person (activity 12) has no listener").isZero();

        ok(server.postJson("/rest/v1/programs/" + program + "/members/status.json",
                "{\"statusName\":\"Member\",\"input\":[{\"leadId\":" + person + "}]}"));
        assertThat(queued(server)).as("the program status change (activity 104) has one").isEqualTo(1);
    }

    @Test
    void onceACampaignListeningToTheTypeIsActivatedTheNextActivityIsQueued() {
        createPerson(server);
        assertThat(queued(server)).isZero();

        activate(server, trigger(server, PERSON_CREATED));
        createPerson(server);

        assertThat(queued(server)).isEqualTo(1);
    }

    @Test
    void afterTheOnlyListeningCampaignIsDeactivatedTheTypeIsNoLongerQueued() {
        long campaign = trigger(server, PERSON_CREATED);
        activate(server, campaign);
        ok(server.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/deactivate.json", ""));

        createPerson(server);

        assertThat(queued(server)).isZero();
    }

    @Test
    void deletingTheProgramOfTheOnlyListeningCampaignStopsQueueingItsType() {
        long program = program(server);
        activate(server, trigger(server, PERSON_CREATED, program));
        createPerson(server);
        assertThat(queued(server)).isEqualTo(1);
        server.drain();

        ok(server.postJson("/rest/asset/v1/program/" + program + "/delete.json", ""));
        createPerson(server);

        assertThat(queued(server)).as("the campaign went with its program").isZero();
    }

    @Test
    void anActivationOnOneNodeIsSeenByTheNextActivityOnAnotherNodeOnPostgres() {
        TestDatabases.TestDatabase shared = TestDatabases.create(TestDatabases.Kind.POSTGRES);
        try (AutomationServer first = AutomationServer.node(shared, AutomationServer.clock());
             AutomationServer second = AutomationServer.node(shared, AutomationServer.clock())) {
            createPerson(second);
            assertThat(queued(second)).as("the second node has cached that nobody listens").isZero();

            activate(first, trigger(first, PERSON_CREATED));
            createPerson(second);

            assertThat(queued(second)).isEqualTo(1);
        } finally {
            shared.drop();
        }
    }

    private static long createPerson(AutomationServer node) {
        String email = "p-" + UUID.randomUUID() + "@example.com";
        JsonNode result = ok(node.postJson("/rest/v1/leads.json",
                "{\"input\":[{\"email\":\"" + email + "\",\"lastName\":\"Doe\",\"company\":\"Acme\"}]}"));
        return result.get(0).get("id").asLong();
    }

    private static long program(AutomationServer node) {
        return ok(node.postForm("/rest/asset/v1/programs.json", Map.of("name", "Webinar " + UUID.randomUUID(),
                "folder", "{\"id\":1,\"type\":\"Folder\"}", "type", "Event", "channel", "Webinar")))
                .get(0).get("id").asLong();
    }

    /** A saved (inactive) trigger campaign with these rules and a one-step flow. */
    private static long trigger(AutomationServer node, String rules) {
        return trigger(node, rules, null);
    }

    /** As {@link #trigger(AutomationServer, String)}, inside a program when {@code programId} is not null. */
    private static long trigger(AutomationServer node, String rules, Long programId) {
        String folder = programId == null ? "{\"id\":1,\"type\":\"Folder\"}"
                : "{\"id\":" + programId + ",\"type\":\"Program\"}";
        long id = ok(node.postForm("/rest/asset/v1/smartCampaigns.json", Map.of("name", "C " + UUID.randomUUID(),
                "folder", folder))).get(0).get("id").asLong();
        ok(node.postJson("/rest/tandem/v1/smartCampaigns/" + id + "/rules.json", rules));
        ok(node.postJson("/rest/tandem/v1/smartCampaigns/" + id + "/flow.json",
                "{\"steps\":[{\"action\":\"doNothing\"}]}"));
        return id;
    }

    private static void activate(AutomationServer node, long campaign) {
        ok(node.postJson("/rest/asset/v1/smartCampaign/" + campaign + "/activate.json", ""));
    }

    private static long queued(AutomationServer node) {
        return count(node, "SELECT COUNT(*) FROM automation_trigger_events");
    }

    private static long count(AutomationServer node, String sql) {
        return node.app().services().database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static JsonNode ok(JsonNode response) {
        assertThat(response.get("success").asBoolean()).as("success in %s", response).isTrue();
        return response.get("result");
    }
}
