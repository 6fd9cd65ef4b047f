package dev.tandem.server.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Members added, moved and removed on either side reach the other, with one campaign activity per change. */
class MembersBothWaysEndToEndTest {

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
    void membersAddedMovedAndRemovedInTandemReachSalesforce() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(3, true);

        server.setStatus(program, "Registered", people);
        server.awaitPushed();
        server.setStatus(program, "Attended", people.subList(0, 1));
        server.removeMembers(program, people.subList(2, 3));
        server.awaitPushed();

        assertThat(server.salesforceMembers(campaign)).containsOnly(
                org.assertj.core.api.Assertions.entry(server.sfdcIdOf(people.get(0)), "Attended"),
                org.assertj.core.api.Assertions.entry(server.sfdcIdOf(people.get(1)), "Registered"));
        assertThat(server.activities(people.get(0), 42)).isEqualTo(1);
        assertThat(server.activities(people.get(0), 44)).isEqualTo(1);
        assertThat(server.activities(people.get(2), 43)).isEqualTo(1);
    }

    @Test
    void membersAddedMovedAndRemovedInSalesforceReachTandem() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(2, true);
        server.setStatus(program, "Member", people);
        server.awaitPushed();
        String ann = server.memberId(campaign, server.sfdcIdOf(people.get(0)));
        String bob = server.memberId(campaign, server.sfdcIdOf(people.get(1)));

        server.changeInSalesforce(ann, "Attended");
        server.deleteInSalesforce(bob);
        JsonNode report = server.runSync();

        assertThat(server.tandemMembers(program)).containsOnly(
                org.assertj.core.api.Assertions.entry(people.get(0), "Attended"));
        JsonNode pulled = report.get("operations").get("pull-members");
        assertThat(pulled.get("updated").asLong()).isEqualTo(1);
        assertThat(pulled.get("removed").asLong()).isEqualTo(1);
        assertThat(server.activities(people.get(0), 44)).isEqualTo(1);
        assertThat(server.activities(people.get(1), 43)).isEqualTo(1);
    }

    @Test
    void aRepeatedPollDoesNotApplyOrRecordAChangeTwice() {
        long program = server.createWebinarProgram();
        String campaign = server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(1, true);
        server.setStatus(program, "Member", people);
        server.awaitPushed();
        server.changeInSalesforce(server.memberId(campaign, server.sfdcIdOf(people.get(0))), "Registered");

        server.runSync();
        JsonNode second = server.runSync();

        assertThat(second.get("operations").has("pull-members")).isFalse();
        assertThat(server.activities(people.get(0), 44)).isEqualTo(1);
        assertThat(server.activities(people.get(0), 104)).isEqualTo(2);
    }

    @Test
    void tandemsOwnPushesComeBackAsEchoesThatChangeNothing() {
        long program = server.createWebinarProgram();
        server.linkToNewCampaign(program);
        List<Long> people = server.createPeople(2, true);
        server.setStatus(program, "Registered", people);
        server.awaitPushed();

        JsonNode report = server.runSync();

        assertThat(report.get("operations").has("pull-members")).isFalse();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> server.activities(people.get(0), 42) == 1);
        assertThat(server.activities(people.get(0), 104)).isEqualTo(1);
    }
}
