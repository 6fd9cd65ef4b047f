package dev.tandem.server.sync.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.sync.cycle.FlowTestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Linking a program to a campaign that already has members leaves both sides with the union of members. */
class InitialReconcileEndToEndTest {

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
    void bothSidesEndWithTheUnionAndTheHigherStepWins() {
        // People known to Salesforce already (pushed through another linked program).
        long other = server.createWebinarProgram();
        server.linkToNewCampaign(other);
        List<Long> known = server.createPeople(2, true);
        server.setStatus(other, "Member", known);
        server.awaitPushed();
        long tandemHigher = known.get(0);
        long salesforceHigher = known.get(1);
        long tandemOnly = server.createPeople(1, true).get(0);
        String campaign = server.salesforce.create("Campaign", List.of(Map.of("Name",
                FlowTestServer.unique("Existing"), "IsActive", true))).get(0).id();
        for (String label : List.of("Member", "Registered", "Attended")) {
            server.salesforce.create("CampaignMemberStatus", List.of(Map.of("CampaignId", campaign, "Label", label,
                    "HasResponded", label.equals("Attended"))));
        }
        server.addToCampaign(campaign, server.sfdcIdOf(tandemHigher), "Member");
        server.addToCampaign(campaign, server.sfdcIdOf(salesforceHigher), "Attended");
        String salesforceOnly = server.createLead(FlowTestServer.unique("sf").toLowerCase() + "@example.com", "Only",
                "Initech");
        server.addToCampaign(campaign, salesforceOnly, "Registered");
        long program = server.createWebinarProgram();
        server.setStatus(program, "Registered", List.of(tandemHigher, salesforceHigher, tandemOnly));

        server.linkToCampaign(program, campaign);

        long newPerson = Long.parseLong(server.text("SELECT id FROM people WHERE sfdc_id = '" + salesforceOnly + "'"));
        assertThat(server.tandemMembers(program)).containsOnly(entry(tandemHigher, "Registered"),
                entry(salesforceHigher, "Attended"), entry(tandemOnly, "Registered"), entry(newPerson, "Registered"));
        assertThat(server.salesforceMembers(campaign)).containsOnly(entry(server.sfdcIdOf(tandemHigher), "Registered"),
                entry(server.sfdcIdOf(salesforceHigher), "Attended"), entry(server.sfdcIdOf(tandemOnly), "Registered"),
                entry(salesforceOnly, "Registered"));
        assertThat(server.text("SELECT acquisition_program_id FROM people WHERE id = " + newPerson))
                .isEqualTo(String.valueOf(program));
    }

    @Test
    void aPeriodicReconcileRepairsAMemberThePullMissed() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        long person = server.createPeople(1, true).get(0);
        server.setStatus(program, "Registered", List.of(person));
        server.awaitPushed();
        // The mirror forgets the member, as if a pull had been lost: only a full read can find it again.
        server.app().services().database().jdbi().useHandle(h ->
                h.execute("DELETE FROM campaign_member_mirror WHERE program_id = ?", program));
        server.changeInSalesforce(server.memberId(campaign, server.sfdcIdOf(person)), "Attended");

        JsonNode report = FlowTestServer.ok(server.postJson("/rest/tandem/v1/sync/reconcile.json",
                "{\"programId\":" + program + "}")).get(0);

        assertThat(report.get("kind").asText()).isEqualTo("reconcile-periodic");
        assertThat(server.tandemMembers(program)).containsOnly(entry(person, "Attended"));
        assertThat(server.count("SELECT COUNT(*) FROM campaign_member_mirror WHERE program_id = " + program))
                .isEqualTo(1);
    }
}
