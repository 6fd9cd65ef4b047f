package dev.tandem.server.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tandem.emulator.FaultRule;
import dev.tandem.salesforce.write.CompositeRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pull that records a member's change while a push of the same member is in flight: the push's settlement
 * derives its campaign activity from the mirror as the pull left it, so the change Salesforce holds is recorded
 * once, not once per side. Salesforce holds Tandem's write for a few seconds before processing it; once the push
 * has claimed its work, someone changes the member in Salesforce (through the composite API, which the delay does
 * not touch) and the background poll is switched on, so the pull lands inside the push's window; the assertions
 * also prove it did.
 */
class PushPullRaceEndToEndTest {

    private FlowTestServer server;

    @BeforeEach
    void start() {
        server = new FlowTestServer().connect();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void onceThePushIsInFlight(CompositeRequest changeInSalesforce) {
        changeOnceThePushIsInFlight(changeInSalesforce);
        server.ok(server.postJson("/rest/tandem/v1/settings/sync.json", "{\"pollIntervalSeconds\":1}"));
    }

    private void changeOnceThePushIsInFlight(CompositeRequest changeInSalesforce) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> server.count("SELECT COUNT(*) FROM sync_outbox WHERE claimed_by IS NOT NULL") > 0);
        assertThat(server.salesforce.composite(List.of(changeInSalesforce), true).allSucceeded()).isTrue();
    }

    private List<String> campaignActivities(long person) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery("SELECT type_id, attributes "
                        + "FROM activities WHERE person_id = :p AND type_id IN (42, 43, 44) ORDER BY id")
                .bind("p", person).map((rs, ctx) -> {
                    var a = FlowTestServer.json(rs.getString(2));
                    return rs.getInt(1) + " " + (a.has("Status") ? a.get("Status").asText()
                            : a.get("Old Status").asText() + "->" + a.get("New Status").asText())
                            + " by " + a.get("Source").asText();
                }).list());
    }

    private static FaultRule slowOnce(String method) {
        return new FaultRule(null, 0, method, "composite/sobjects", 0, 1, 4000, null);
    }

    private List<String> sources(long person, int type) {
        return server.app().services().database().jdbi().withHandle(h -> h.createQuery("SELECT attributes FROM "
                        + "activities WHERE person_id = :p AND type_id = :t ORDER BY id").bind("p", person)
                .bind("t", type).mapTo(String.class).list()).stream()
                .map(a -> FlowTestServer.json(a).get("Source").asText()).toList();
    }

    @Test
    void aRemovalPushedWhileThePullRecordsTheSameDeletionIsRecordedOnce() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        long ann = server.createPeople(1, true).get(0);
        server.setStatus(program, "Registered", List.of(ann));
        server.awaitPushed();
        String member = server.memberId(campaign, server.sfdcIdOf(ann));
        server.emulator.control().addFault(slowOnce("DELETE"));

        server.removeMembers(program, List.of(ann));
        onceThePushIsInFlight(CompositeRequest.delete("gone", "CampaignMember", member));
        await().atMost(Duration.ofSeconds(20)).until(() -> server.count("SELECT COUNT(*) FROM sync_outbox") == 0);

        assertThat(server.emulator.control().requests()).as("the push did send its delete")
                .anyMatch(r -> r.method().equals("DELETE") && r.path().contains("composite/sobjects"));
        assertThat(sources(ann, 43)).as("recorded once, by the pull that saw it first").containsExactly("Salesforce");
    }

    @Test
    void aStatusPushedWhileThePullRecordsAnotherChangeInSalesforceEndsConsistentAndOnTandemsStatus() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        long bob = server.createPeople(1, true).get(0);
        server.setStatus(program, "Member", List.of(bob));
        server.awaitPushed();
        String member = server.memberId(campaign, server.sfdcIdOf(bob));
        server.emulator.control().addFault(slowOnce("PATCH"));

        server.setStatus(program, "Attended", List.of(bob));
        onceThePushIsInFlight(CompositeRequest.update("noShow", "CampaignMember", member, Map.of("Status", "No Show")));
        await().atMost(Duration.ofSeconds(20)).until(() -> server.count("SELECT COUNT(*) FROM sync_outbox") == 0
                && "Attended".equals(server.salesforceMembers(campaign).get(server.sfdcIdOf(bob))));

        List<String> changes = server.app().services().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT attributes FROM activities WHERE person_id = :p AND type_id = 44 ORDER BY id")
                .bind("p", bob).mapTo(String.class).list()).stream().map(FlowTestServer::json)
                .map(a -> a.get("Old Status").asText() + "->" + a.get("New Status").asText()).toList();
        assertThat(changes).as("Salesforce's change as the pull saw it, then Tandem's on top of it")
                .containsExactly("Member->No Show", "No Show->Attended");
        assertThat(server.tandemMembers(program)).containsEntry(bob, "Attended");
    }

    @Test
    void aStatusPushedToAMemberDeletedInSalesforceMeanwhileRecordsThatRemovalThenAddsTheMemberBack() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        long cy = server.createPeople(1, true).get(0);
        server.setStatus(program, "Registered", List.of(cy));
        server.awaitPushed();
        String member = server.memberId(campaign, server.sfdcIdOf(cy));
        server.emulator.control().addFault(slowOnce("PATCH"));

        server.setStatus(program, "Attended", List.of(cy));
        changeOnceThePushIsInFlight(CompositeRequest.delete("gone", "CampaignMember", member));
        await().atMost(Duration.ofSeconds(20)).until(() -> server.count("SELECT COUNT(*) FROM sync_outbox") == 0);

        assertThat(campaignActivities(cy)).containsExactly("42 Registered by Tandem", "43 Registered by Salesforce",
                "42 Attended by Tandem");
        assertThat(server.salesforceMembers(campaign)).containsExactly(
                org.assertj.core.api.Assertions.entry(server.sfdcIdOf(cy), "Attended"));
    }
}
