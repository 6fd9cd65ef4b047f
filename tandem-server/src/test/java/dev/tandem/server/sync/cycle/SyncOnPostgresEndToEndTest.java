package dev.tandem.server.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.tandem.server.http.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same sync on PostgreSQL (SKIP LOCKED claims, leases and the cursor on the production store). */
class SyncOnPostgresEndToEndTest {

    @Test
    void changesOnBothSidesReachTheOtherOnPostgres() {
        try (FlowTestServer server = new FlowTestServer(TestDatabases.Kind.POSTGRES).connect()) {
            long program = server.createWebinarProgram();
            String campaign = server.linkToNewCampaign(program);
            List<Long> people = server.createPeople(2, true);
            server.setStatus(program, "Registered", people);
            server.awaitPushed();
            server.changeInSalesforce(server.memberId(campaign, server.sfdcIdOf(people.get(1))), "Attended");

            server.runSync();

            assertThat(server.salesforceMembers(campaign)).containsOnly(
                    entry(server.sfdcIdOf(people.get(0)), "Registered"), entry(server.sfdcIdOf(people.get(1)), "Attended"));
            assertThat(server.tandemMembers(program)).containsOnly(
                    entry(people.get(0), "Registered"), entry(people.get(1), "Attended"));
            assertThat(server.activities(people.get(1), 44)).isEqualTo(1);
        }
    }
}
