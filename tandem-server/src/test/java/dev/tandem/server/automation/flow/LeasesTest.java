package dev.tandem.server.automation.flow;

import dev.tandem.server.automation.queue.TriggerEvent;
import dev.tandem.server.automation.queue.TriggerQueue;
import dev.tandem.server.store.Database;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a node that dies mid-work leaves behind: leased runs come back when the lease ends, events stay queued. */
class LeasesTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private Database database;
    private Jdbi jdbi;
    private final FlowRunStore runs = new FlowRunStore();
    private final TriggerQueue queue = new TriggerQueue();
    private long campaign;

    @BeforeEach
    void openDatabase() {
        database = Database.open("jdbc:h2:mem:leases" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", 4);
        jdbi = database.jdbi();
        campaign = jdbi.withHandle(h -> new dev.tandem.server.automation.store.CampaignStore()
                .insert(h, "Leases", null, null, T0));
        jdbi.useTransaction(h -> runs.startTriggered(h, List.of(
                new FlowRunStore.TriggeredStart(campaign, 1, 100, null, false),
                new FlowRunStore.TriggeredStart(campaign, 2, 101, null, false)), T0));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void runsLeasedByANodeThatDiedComeBackOnlyWhenTheLeaseEnds() {
        List<FlowRun> first = jdbi.inTransaction(h -> runs.claimDue(h, "dead-node", T0, LEASE, 10));

        List<FlowRun> whileLeased = jdbi.inTransaction(h -> runs.claimDue(h, "other", T0.plusSeconds(60), LEASE, 10));
        List<FlowRun> afterLease = jdbi.inTransaction(h -> runs.claimDue(h, "other", T0.plus(LEASE).plusSeconds(1),
                LEASE, 10));

        assertThat(first).hasSize(2);
        assertThat(whileLeased).isEmpty();
        assertThat(afterLease).extracting(FlowRun::id).containsExactlyElementsOf(first.stream().map(FlowRun::id).toList());
    }

    @Test
    void aNodeWhoseLeaseWasTakenOverCannotAdvanceTheRuns() {
        List<Long> ids = jdbi.inTransaction(h -> runs.claimDue(h, "slow-node", T0, LEASE, 10)).stream()
                .map(FlowRun::id).toList();
        jdbi.inTransaction(h -> runs.claimDue(h, "other", T0.plus(LEASE).plusSeconds(1), LEASE, 10));

        int advanced = jdbi.inTransaction(h -> runs.advance(h, "slow-node", ids, 1, T0, T0.plus(LEASE)));
        int finished = jdbi.inTransaction(h -> runs.finish(h, "slow-node", ids, T0));

        assertThat(advanced).isZero();
        assertThat(finished).isZero();
    }

    @Test
    void aRunWaitingForAnEarlierRunOfTheSamePersonIsNotClaimed() {
        jdbi.useTransaction(h -> runs.startTriggered(h, List.of(new FlowRunStore.TriggeredStart(campaign, 1, 102, null,
                true)), T0));

        List<FlowRun> claimed = jdbi.inTransaction(h -> runs.claimDue(h, "node", T0, LEASE, 10));

        assertThat(claimed).extracting(FlowRun::personId).containsExactly(1L, 2L);
        assertThat(claimed).extracting(FlowRun::activityId).containsExactly(100L, 101L);
    }

    @Test
    void aSecondRunOfTheSameCampaignForTheSameActivityIsRefused() {
        assertThatThrownBy(() -> jdbi.useTransaction(h -> runs.startTriggered(h, List.of(
                new FlowRunStore.TriggeredStart(campaign, 1, 100, null, true)), T0)))
                .hasMessageContaining("automation_flow_runs_trigger_uq");
    }

    @Test
    void anEventWhoseEvaluationRolledBackStaysQueued() {
        jdbi.useHandle(h -> h.execute("INSERT INTO automation_trigger_events (activity_id, person_id, type_id, "
                + "occurred_at) VALUES (500, 7, 12, ?)", T0));

        assertThatThrownBy(() -> jdbi.useTransaction(h -> {
            List<TriggerEvent> held = queue.claimHeads(h, 10);
            assertThat(held).hasSize(1);
            throw new IllegalStateException("node died while evaluating");
        })).isInstanceOf(IllegalStateException.class);

        List<TriggerEvent> again = jdbi.inTransaction(h -> queue.claimHeads(h, 10));
        assertThat(again).extracting(TriggerEvent::activityId).containsExactly(500L);
    }

    @Test
    void eachPersonsEventsAreClaimedOldestFirstOneAtATime() {
        jdbi.useHandle(h -> {
            for (long activity = 600; activity < 603; activity++) {
                h.execute("INSERT INTO automation_trigger_events (activity_id, person_id, type_id, occurred_at) "
                        + "VALUES (?, 8, 12, ?)", activity, T0);
            }
            h.execute("INSERT INTO automation_trigger_events (activity_id, person_id, type_id, occurred_at) "
                    + "VALUES (700, 9, 12, ?)", T0);
        });

        List<TriggerEvent> claimed = jdbi.inTransaction(h -> queue.claimHeads(h, 10));

        assertThat(claimed).extracting(TriggerEvent::activityId).containsExactly(600L, 700L);
    }

}
