package dev.tandem.server.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.emulator.FaultRule;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The decided rules: backward pulls, conflicts, lead defaults, unknown people, and switching sync off and on. */
class SyncRulesEndToEndTest {

    private static FlowTestServer server;

    @BeforeAll
    static void start() {
        server = new FlowTestServer().connect();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A linked program with one member pushed at {@code status}; returns {program, person} and the member id. */
    private static Object[] linkedMember(String status) {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        long person = server.createPeople(1, true).get(0);
        server.setStatus(program, status, List.of(person));
        server.awaitPushed();
        return new Object[] {program, person, campaign, server.memberId(campaign, server.sfdcIdOf(person))};
    }

    @Test
    void aBackwardStatusFromSalesforceIsAppliedAsIs() {
        Object[] m = linkedMember("Attended");

        server.changeInSalesforce((String) m[3], "Member");
        server.runSync();

        assertThat(server.tandemMembers((long) m[0])).containsOnly(entry((long) m[1], "Member"));
    }

    @Test
    void aBackwardStatusFromSalesforceIsRefusedWhenPullIsForwardOnly() {
        Object[] m = linkedMember("Attended");
        server.pullForwardOnly(true);
        try {
            server.changeInSalesforce((String) m[3], "Registered");
            JsonNode report = server.runSync();

            assertThat(server.tandemMembers((long) m[0])).containsOnly(entry((long) m[1], "Attended"));
            assertThat(report.get("operations").get("pull-members").get("skipped").asLong()).isEqualTo(1);
            assertThat(server.activities((long) m[1], 44)).as("Salesforce did change the status").isEqualTo(1);
        } finally {
            server.pullForwardOnly(false);
        }
    }

    @Test
    void whenBothSidesChangedAMemberTandemWinsAndTheConflictIsCounted() {
        Object[] m = linkedMember("Registered");
        long program = (long) m[0];
        long person = (long) m[1];
        server.runSync();
        long lastRun = server.latestRunId();
        server.changeInSalesforce((String) m[3], "No Show");
        server.emulator.control().addFault(new FaultRule("INVALID_FIELD", 400, "PATCH", "composite/sobjects", 0, -1, 0,
                "refused for the test"));
        server.setStatus(program, "Attended", List.of(person));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                server.count("SELECT COUNT(*) FROM sync_outbox WHERE attempts > 0") == 1);
        server.emulator.control().clearFaults();

        server.runSync();
        server.postJson("/rest/tandem/v1/sync/errors/retry.json", "{}");

        assertThat(server.conflictsSince(lastRun)).isEqualTo(1);
        assertThat(server.tandemMembers(program)).containsOnly(entry(person, "Attended"));
        assertThat(server.salesforceMembers((String) m[2])).containsOnly(entry(server.sfdcIdOf(person), "Attended"));
    }

    @Test
    void whenTandemsPushWouldLandFirstTheConflictIsStillSeenCountedAndTandemWins() {
        Object[] m = linkedMember("Registered");
        long program = (long) m[0];
        long person = (long) m[1];
        String campaign = (String) m[2];
        server.runSync();
        long lastRun = server.latestRunId();
        server.changeInSalesforce((String) m[3], "No Show");

        server.setStatus(program, "Attended", List.of(person));
        server.awaitPushed();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                server.salesforceMembers(campaign).containsValue("Attended"));
        server.runSync();

        assertThat(server.conflictsSince(lastRun)).isEqualTo(1);
        assertThat(server.tandemMembers(program)).containsOnly(entry(person, "Attended"));
        assertThat(server.salesforceMembers(campaign)).containsOnly(entry(server.sfdcIdOf(person), "Attended"));
        assertThat(server.activities(person, 44)).as("Salesforce's change, then Tandem's over it").isEqualTo(2);
    }

    @Test
    void whenBothSidesAddedAMemberWithDifferentStatusesTandemWinsAndTheConflictIsCounted() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        long person = server.createPeople(1, true).get(0);
        long other = server.createWebinarProgram();
        server.linkToNewCampaign(other);
        server.setStatus(other, "Member", List.of(person));
        server.awaitPushed();
        server.runSync();
        long lastRun = server.latestRunId();
        server.addToCampaign(campaign, server.sfdcIdOf(person), "No Show");

        server.setStatus(program, "Registered", List.of(person));
        server.awaitPushed();

        assertThat(server.conflictsSince(lastRun)).isEqualTo(1);
        assertThat(server.salesforceMembers(campaign)).containsOnly(entry(server.sfdcIdOf(person), "Registered"));
        assertThat(server.tandemMembers(program)).containsOnly(entry(person, "Registered"));
    }

    @Test
    void aPersonWithoutNameOrCompanyBecomesALeadWithTheDefaults() {
        long program = server.createWebinarProgram();
        server.linkToNewCampaign(program);
        long person = server.createPeople(1, false).get(0);

        server.setStatus(program, "Member", List.of(person));
        server.awaitPushed();

        String leadId = server.sfdcIdOf(person);
        List<SObject> leads = new ArrayList<>();
        server.salesforce.query(Soql.select("LastName", "Company").from("Lead").where(Cond.eq("Id", leadId)).build(),
                200, page -> leads.addAll(page.records()));
        assertThat(leads).singleElement().satisfies(lead -> {
            assertThat(lead.getString("LastName")).isEqualTo("Unknown");
            assertThat(lead.getString("Company")).isEqualTo("Not Provided Inc");
        });
        assertThat(server.text("SELECT sfdc_type FROM people WHERE id = " + person)).isEqualTo("LEAD");
    }

    @Test
    void anUnknownSalesforceLeadBecomesAPersonAcquiredByTheProgram() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        String email = FlowTestServer.unique("new").toLowerCase() + "@example.com";
        String lead = server.createLead(email, "Newcomer", "Globex");

        server.addToCampaign(campaign, lead, "Registered");
        server.runSync();

        Map<String, Object> person = server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id, email, last_name, sfdc_id, sfdc_type, acquisition_program_id FROM people WHERE sfdc_id = :l")
                .bind("l", lead).mapToMap().one());
        assertThat(person).containsEntry("email", email).containsEntry("last_name", "Newcomer")
                .containsEntry("sfdc_type", "LEAD").containsEntry("acquisition_program_id", program);
        long personId = ((Number) person.get("id")).longValue();
        assertThat(server.tandemMembers(program)).containsOnly(entry(personId, "Registered"));
        assertThat(server.activities(personId, 42)).isEqualTo(1);
    }

    @Test
    void changesMadeWhileSyncIsOffOnBothSidesFlowOnceItIsBackOn() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(2, true);
        server.setStatus(program, "Member", people);
        server.awaitPushed();
        String bobMember = server.memberId(campaign, server.sfdcIdOf(people.get(1)));

        server.syncEnabled(false);
        try {
            server.setStatus(program, "Registered", people.subList(0, 1));
            server.changeInSalesforce(bobMember, "Attended");
            JsonNode off = server.runSync();
            assertThat(off.get("outcome").asText()).isEqualTo("SKIPPED_DISABLED");
            assertThat(server.salesforceMembers(campaign)).containsEntry(server.sfdcIdOf(people.get(0)), "Member");
            assertThat(server.tandemMembers(program)).containsEntry(people.get(1), "Member");
        } finally {
            server.syncEnabled(true);
        }
        server.awaitPushed();
        server.runSync();

        assertThat(server.salesforceMembers(campaign)).containsOnly(
                entry(server.sfdcIdOf(people.get(0)), "Registered"), entry(server.sfdcIdOf(people.get(1)), "Attended"));
        assertThat(server.tandemMembers(program)).containsOnly(
                entry(people.get(0), "Registered"), entry(people.get(1), "Attended"));
    }
}
