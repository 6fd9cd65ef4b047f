package dev.tandem.server.sync.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.sync.SyncTestDatabase;
import dev.tandem.server.sync.mirror.MirrorRow;
import dev.tandem.server.sync.mirror.MirrorStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutboxStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final MemberKey ANN = new MemberKey(1, 10);
    private static final MemberKey BOB = new MemberKey(1, 11);

    private final OutboxStore store = new OutboxStore();

    private void append(Jdbi jdbi, MemberKey member, DesiredState desired) {
        jdbi.useTransaction(h -> store.append(h, member, desired, "API", NOW));
    }

    private List<OutboxEntry> claim(Jdbi jdbi, String node, Instant at) {
        return jdbi.inTransaction(h -> store.claim(h, node, at, LEASE, 100));
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void claimedRowsAreLeasedToOneNode(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            append(db.jdbi(), ANN, DesiredState.member("Registered"));
            append(db.jdbi(), ANN, DesiredState.member("Attended"));

            assertThat(claim(db.jdbi(), "node-a", NOW)).extracting(OutboxEntry::desired)
                    .containsExactly(DesiredState.member("Registered"), DesiredState.member("Attended"));
            assertThat(claim(db.jdbi(), "node-b", NOW.plusSeconds(1))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void anExpiredLeaseLetsAnotherNodeTakeTheWork(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            append(db.jdbi(), ANN, DesiredState.member("Registered"));
            claim(db.jdbi(), "node-a", NOW);

            assertThat(claim(db.jdbi(), "node-b", NOW.plus(LEASE).plusSeconds(1))).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void concurrentClaimsNeverShareAMember(SyncTestDatabase.Kind kind) throws Exception {
        try (var db = SyncTestDatabase.open(kind)) {
            for (long person = 1; person <= 40; person++) {
                append(db.jdbi(), new MemberKey(1, person), DesiredState.member("Registered"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch bothInside = new CountDownLatch(2);
            try {
                List<Future<List<OutboxEntry>>> claims = List.of("node-a", "node-b").stream()
                        .map(node -> pool.submit(() -> db.jdbi().inTransaction(h -> {
                            List<OutboxEntry> got = store.claim(h, node, NOW, LEASE, 25);
                            bothInside.countDown();
                            bothInside.await(5, TimeUnit.SECONDS);
                            return got;
                        }))).toList();
                List<OutboxEntry> a = claims.get(0).get(10, TimeUnit.SECONDS);
                List<OutboxEntry> b = claims.get(1).get(10, TimeUnit.SECONDS);

                assertThat(a).extracting(OutboxEntry::member).doesNotContainAnyElementsOf(
                        b.stream().map(OutboxEntry::member).toList());
                assertThat(a.size() + b.size()).isEqualTo(40);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aFailedRowWaitsForItsNextAttempt(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            append(db.jdbi(), ANN, DesiredState.member("Registered"));
            List<OutboxEntry> claimed = claim(db.jdbi(), "node-a", NOW);
            db.jdbi().useTransaction(h -> store.fail(h, claimed.stream().map(OutboxEntry::id).toList(), 1,
                    NOW.plusSeconds(30), "UNABLE_TO_LOCK_ROW", "row locked"));

            assertThat(claim(db.jdbi(), "node-a", NOW.plusSeconds(29))).isEmpty();
            assertThat(claim(db.jdbi(), "node-a", NOW.plusSeconds(30))).singleElement()
                    .satisfies(e -> assertThat(e.attempts()).isEqualTo(1));
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aNewChangeToAWaitingMemberIsClaimedTogetherWithTheOldRows(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            append(db.jdbi(), ANN, DesiredState.member("Registered"));
            List<OutboxEntry> first = claim(db.jdbi(), "node-a", NOW);
            db.jdbi().useTransaction(h -> store.fail(h, first.stream().map(OutboxEntry::id).toList(), 1,
                    NOW.plusSeconds(300), "X", "x"));
            append(db.jdbi(), ANN, DesiredState.REMOVED);

            assertThat(claim(db.jdbi(), "node-a", NOW.plusSeconds(1))).extracting(OutboxEntry::desired)
                    .containsExactly(DesiredState.member("Registered"), DesiredState.REMOVED);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void completedRowsAreGoneAndOthersRemainPending(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            append(db.jdbi(), ANN, DesiredState.member("Registered"));
            append(db.jdbi(), BOB, DesiredState.member("Registered"));
            List<OutboxEntry> claimed = claim(db.jdbi(), "node-a", NOW);
            db.jdbi().useTransaction(h -> store.complete(h, List.of(claimed.get(0).id())));

            Set<MemberKey> pending = db.jdbi().withHandle(h -> store.pending(h, 1, List.of(10L, 11L)));
            assertThat(pending).containsExactly(BOB);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void dueWorkOnMembersSalesforceHoldsIsCountedApartFromDueAdditionsUpToALimit(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            MemberKey cy = new MemberKey(1, 12);
            append(db.jdbi(), ANN, DesiredState.member("Registered"));
            append(db.jdbi(), BOB, DesiredState.member("Registered"));
            append(db.jdbi(), cy, DesiredState.member("Registered"));
            int additionsOnly = db.jdbi().withHandle(h -> store.dueWorkOnHeldMembers(h, NOW, 10));
            db.jdbi().useTransaction(h -> {
                new MirrorStore().put(h, new MirrorRow(ANN, "701000000000001AAA", "00v000000000001AAA", "Member", NOW,
                        null, NOW));
                new MirrorStore().put(h, new MirrorRow(BOB, "701000000000001AAA", "00v000000000002AAA", "Member", NOW,
                        null, NOW));
            });

            int held = db.jdbi().withHandle(h -> store.dueWorkOnHeldMembers(h, NOW, 10));
            int capped = db.jdbi().withHandle(h -> store.dueWorkOnHeldMembers(h, NOW, 1));
            claim(db.jdbi(), "node-a", NOW);
            int claimed = db.jdbi().withHandle(h -> store.dueWorkOnHeldMembers(h, NOW.plusSeconds(1), 10));

            assertThat(additionsOnly).as("no member is held yet").isZero();
            assertThat(held).as("Ann and Bob are held").isEqualTo(2);
            assertThat(capped).isEqualTo(1);
            assertThat(claimed).as("claimed work is not due").isZero();
        }
    }
}
