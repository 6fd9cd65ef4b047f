package dev.tandem.server.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.server.http.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A link whose initial reconcile was interrupted (its process was killed) is not left RUNNING for ever: the next
 * node that looks completes it once the dead owner's lease ended, and a node started again under the owner's name
 * completes it at once. Each test leaves members on both sides for the resumed reconcile to bring across.
 */
class InterruptedReconcileEndToEndTest {

    private static final String NODE = "tandem-1";

    private FlowTestServer server;
    private long program;
    private String campaign;
    private long tandemOnly;
    private String salesforceOnly;

    @BeforeEach
    void givenALinkedProgramWithMembersOnlyOneSideKnows() {
        server = new FlowTestServer(TestDatabases.Kind.POSTGRES, Optional.of(NODE)).connect();
        program = server.createWebinarProgram();
        campaign = server.linkToNewCampaign(program);
        // From here on only a reconcile moves members: no background push or poll.
        server.stopBackgroundJobs();
        tandemOnly = server.createPeople(1, true).get(0);
        server.setStatus(program, "Registered", List.of(tandemOnly));
        salesforceOnly = server.createLead(FlowTestServer.unique("sf").toLowerCase() + "@example.com", "Sfonly",
                "Acme");
        server.addToCampaign(campaign, salesforceOnly, "Registered");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReconcileLeftRunningByANodeWhoseLeaseEndedIsCompletedByTheNodeThatLooksNext() {
        leaveRunning("dead-node", Instant.now().minus(Duration.ofMinutes(1)));

        awaitDone();

        assertMembersOnBothSides();
    }

    @Test
    void aReconcileThisNodesPreviousProcessLeftRunningIsCompletedWhenTheNodeStartsAgain() {
        leaveRunning(NODE, Instant.now().plus(Duration.ofMinutes(10)));

        server.restart();
        server.stopBackgroundJobs();
        awaitDone();

        assertMembersOnBothSides();
    }

    private void leaveRunning(String owner, Instant leaseEnd) {
        server.app().services().database().jdbi().useHandle(h -> h.execute("UPDATE campaign_links SET "
                        + "initial_reconcile_state = 'RUNNING', initial_reconcile_owner = ?, initial_reconcile_until = ? "
                        + "WHERE program_id = ?", owner, leaseEnd.atOffset(ZoneOffset.UTC), program));
    }

    private void awaitDone() {
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(server.text(
                "SELECT initial_reconcile_state FROM campaign_links WHERE program_id = " + program)));
    }

    private void assertMembersOnBothSides() {
        assertThat(server.salesforceMembers(campaign))
                .containsEntry(server.sfdcIdOf(tandemOnly), "Registered")
                .containsEntry(salesforceOnly, "Registered");
        long pulled = server.count("SELECT id FROM people WHERE sfdc_id = '" + salesforceOnly + "'");
        assertThat(server.tandemMembers(program)).containsEntry(tandemOnly, "Registered")
                .containsEntry(pulled, "Registered");
    }
}
