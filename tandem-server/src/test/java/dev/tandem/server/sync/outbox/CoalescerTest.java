package dev.tandem.server.sync.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoalescerTest {

    private static final MemberKey ANN = new MemberKey(1, 10);
    private static final MemberKey BOB = new MemberKey(1, 11);

    private static OutboxEntry entry(long id, MemberKey member, DesiredState desired, int attempts) {
        return new OutboxEntry(id, member, desired, "API", Instant.EPOCH, attempts);
    }

    @Test
    void aBurstOfChangesToOneMemberBecomesOnePushOfTheLastState() {
        var pushes = Coalescer.coalesce(List.of(
                entry(1, ANN, DesiredState.member("Registered"), 0),
                entry(2, ANN, DesiredState.member("Attended"), 0),
                entry(3, ANN, DesiredState.REMOVED, 0)));

        assertThat(pushes).containsExactly(new PendingPush(ANN, DesiredState.REMOVED, List.of(1L, 2L, 3L), 0));
    }

    @Test
    void theNewestRowWinsEvenWhenRowsArriveOutOfOrder() {
        var pushes = Coalescer.coalesce(List.of(
                entry(7, ANN, DesiredState.member("Attended"), 0),
                entry(5, ANN, DesiredState.member("Registered"), 0)));

        assertThat(pushes.get(0).desired()).isEqualTo(DesiredState.member("Attended"));
        assertThat(pushes.get(0).entryIds()).containsExactly(5L, 7L);
    }

    @Test
    void differentMembersStaySeparateInFirstSeenOrder() {
        var pushes = Coalescer.coalesce(List.of(
                entry(1, BOB, DesiredState.member("Registered"), 0),
                entry(2, ANN, DesiredState.member("Registered"), 0),
                entry(3, BOB, DesiredState.member("Attended"), 0)));

        assertThat(pushes).extracting(PendingPush::member).containsExactly(BOB, ANN);
        assertThat(pushes.get(0).desired().status()).isEqualTo("Attended");
    }

    @Test
    void theCoalescedPushCarriesTheHighestAttemptCountOfItsRows() {
        var pushes = Coalescer.coalesce(List.of(
                entry(1, ANN, DesiredState.member("Registered"), 3),
                entry(2, ANN, DesiredState.member("Attended"), 0)));

        assertThat(pushes.get(0).attempts()).isEqualTo(3);
    }
}
