package dev.tandem.server.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.emulator.FaultRule;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Faults, data errors, limits and the API calls the sync spends. */
class SyncFaultsEndToEndTest {

    private static FlowTestServer server;

    @BeforeAll
    static void start() {
        server = new FlowTestServer().connect();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTransientFaultOnPushIsRecoveredWithNothingLost() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(3, true);
        server.emulator.control().addFault(new FaultRule("SERVER_UNAVAILABLE", 503, "POST", "composite/sobjects", 0, 2,
                0, null));

        server.setStatus(program, "Registered", people);
        server.awaitPushed();

        assertThat(server.salesforceMembers(campaign)).hasSize(3).containsValue("Registered");
        assertThat(server.count("SELECT COUNT(*) FROM sync_outbox")).isZero();
    }

    @Test
    void aPushWhoseAnswerWasLostIsRetriedAndFindsTheMemberSalesforceAlreadyHolds() {
        long first = server.createWebinarProgram();
        server.linkToNewCampaign(first);
        long person = server.createPeople(1, true).get(0);
        server.setStatus(first, "Member", List.of(person));
        server.awaitPushed();
        long second = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(second);
        server.addToCampaign(campaign, server.sfdcIdOf(person), "Member");

        server.setStatus(second, "Registered", List.of(person));
        server.awaitPushed();

        assertThat(server.salesforceMembers(campaign)).containsOnly(entry(server.sfdcIdOf(person), "Registered"));
        assertThat(server.activities(person, 42)).as("one add per campaign").isEqualTo(2);
        assertThat(server.activities(person, 44)).isEqualTo(1);
    }

    @Test
    void aFailingPullLeavesTheCursorAndTheNextPollCatchesUp() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        long person = server.createPeople(1, true).get(0);
        server.setStatus(program, "Member", List.of(person));
        server.awaitPushed();
        server.runSync();
        String cursor = server.text("SELECT high_water FROM sync_cursor");
        server.changeInSalesforce(server.memberId(campaign, server.sfdcIdOf(person)), "Attended");
        server.emulator.control().addFault(new FaultRule("SERVER_UNAVAILABLE", 503, "GET", "queryAll", 0, -1, 0, null));

        JsonNode failed = server.runSync();
        server.emulator.control().clearFaults();

        assertThat(failed.get("outcome").asText()).isEqualTo("FAILED");
        assertThat(server.text("SELECT high_water FROM sync_cursor")).isEqualTo(cursor);
        assertThat(server.tandemMembers(program)).containsOnly(entry(person, "Member"));
        server.runSync();
        assertThat(server.tandemMembers(program)).containsOnly(entry(person, "Attended"));
    }

    @Test
    void aDataErrorIsListedAndSucceedsOnRetryOnceItsCauseIsFixed() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        long person = server.createPeople(1, true).get(0);
        server.postJson("/rest/v1/leads.json", "{\"action\":\"updateOnly\",\"lookupField\":\"id\",\"input\":[{\"id\":"
                + person + ",\"lastName\":\"" + "x".repeat(100) + "\"}]}");

        server.setStatus(program, "Member", List.of(person));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                server.count("SELECT COUNT(*) FROM sync_errors WHERE resolved_at IS NULL AND person_id = " + person) == 1);
        JsonNode error = openErrorOf(person);
        assertThat(error.get("operation").asText()).isEqualTo("push-leads");
        assertThat(error.get("errorCode").asText()).isEqualTo("STRING_TOO_LONG");
        assertThat(error.get("fields").toString()).contains("LastName");
        assertThat(error.get("retryable").asBoolean()).isTrue();
        // Under load the first backoff (2.5-5 s) may run out before the retry and let the background pusher push
        // the member itself; with the next attempt an hour away, only the retry can make it go now.
        server.app().services().database().jdbi().useHandle(h -> h.execute("UPDATE sync_outbox SET next_attempt_at = "
                + "next_attempt_at + INTERVAL '1' HOUR WHERE person_id = ?", person));

        server.postJson("/rest/v1/leads.json", "{\"action\":\"updateOnly\",\"lookupField\":\"id\",\"input\":[{\"id\":"
                + person + ",\"lastName\":\"Short\"}]}");
        JsonNode retried = FlowTestServer.ok(server.postJson("/rest/tandem/v1/sync/errors/retry.json",
                "{\"ids\":[" + error.get("id").asLong() + "]}")).get(0);

        // The retry makes the member due and pushes; the background pusher may take the due member first, so the
        // end state is what is asserted, not which run's report counts the push.
        assertThat(retried.get("outcome").asText()).isEqualTo("COMPLETED");
        await().atMost(Duration.ofSeconds(30)).until(() -> server.count("SELECT COUNT(*) FROM sync_errors "
                + "WHERE resolved_at IS NULL AND person_id = " + person) == 0);
        assertThat(server.salesforceMembers(campaign)).containsOnly(entry(server.sfdcIdOf(person), "Member"));
        assertThat(server.activities(person, 42)).isEqualTo(1);
    }

    private static JsonNode openErrorOf(long personId) {
        for (JsonNode error : FlowTestServer.ok(server.get("/rest/tandem/v1/sync/errors.json?unresolvedOnly=true"))) {
            if (error.path("personId").asLong() == personId) {
                return error;
            }
        }
        throw new AssertionError("no open sync error for person " + personId);
    }

    @Test
    void theRequestLimitStopsTheRunAndLeavesWorkAndCursorForLater() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(2, true);
        server.setStatus(program, "Member", people);
        server.awaitPushed();
        server.runSync();
        String cursor = server.text("SELECT high_water FROM sync_cursor");
        server.emulator.control().setApiUsage(15_000, 15_000);
        try {
            server.setStatus(program, "Registered", people);
            JsonNode stopped = server.runSync();

            assertThat(stopped.get("outcome").asText()).isEqualTo("STOPPED_BY_LIMIT");
            assertThat(server.count("SELECT COUNT(*) FROM sync_outbox WHERE attempts = 0")).isEqualTo(2);
            assertThat(server.count("SELECT COUNT(*) FROM sync_errors WHERE resolved_at IS NULL AND person_id IN ("
                    + people.get(0) + "," + people.get(1) + ")")).isZero();
            assertThat(server.text("SELECT high_water FROM sync_cursor")).isEqualTo(cursor);
        } finally {
            server.emulator.control().setApiUsage(0, 15_000);
        }
        server.connect();
        server.awaitPushed();
        assertThat(server.salesforceMembers(campaign)).containsValues("Registered", "Registered");
    }

    @Test
    void anIdlePollCostsExactlyOneApiCall() {
        long program = server.createWebinarProgram();
        server.linkToNewCampaign(program);
        server.runSync();
        long before = server.emulator.control().apiCallsUsed();

        JsonNode idle = server.runSync();

        assertThat(server.emulator.control().apiCallsUsed() - before).isEqualTo(1);
        assertThat(idle.get("apiCalls").asLong()).isEqualTo(1);
    }

    @Test
    void statusChangesOfManyMembersCostOneCallPerTwoHundred() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(300, true);
        List<Long> more = server.createPeople(150, true);
        server.setStatus(program, "Member", people);
        server.setStatus(program, "Member", more);
        server.awaitPushed();
        server.syncEnabled(false);
        server.setStatus(program, "Registered", people);
        server.setStatus(program, "Registered", more);
        long before = server.emulator.control().apiCallsUsed();

        server.syncEnabled(true);
        server.awaitPushed();

        long calls = server.emulator.control().apiCallsUsed() - before;
        assertThat(calls).isLessThanOrEqualTo((long) Math.ceil(450 / 200.0) + 1);
        assertThat(server.salesforceMembers(campaign)).hasSize(450).allSatisfy((lead, status) ->
                assertThat(status).isEqualTo("Registered"));
    }
}
