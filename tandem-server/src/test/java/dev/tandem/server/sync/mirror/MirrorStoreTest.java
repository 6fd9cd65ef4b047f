package dev.tandem.server.sync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.sync.SyncTestDatabase;
import dev.tandem.server.sync.outbox.MemberKey;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MirrorStoreTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final MemberKey ANN = new MemberKey(1, 10);
    private final MirrorStore store = new MirrorStore();

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aMemberRecreatedInSalesforceReplacesItsOldCampaignMember(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            db.jdbi().useTransaction(h -> store.put(h, new MirrorRow(ANN, "701000000000001AAA", "00v000000000001AAA",
                    "Registered", T, null, T)));
            MirrorRow recreated = new MirrorRow(ANN, "701000000000001AAA", "00v000000000002AAA", "Attended",
                    T.plusSeconds(5), "Attended", null);
            db.jdbi().useTransaction(h -> store.put(h, recreated));

            assertThat(db.<java.util.Optional<MirrorRow>>read(h -> store.get(h, ANN))).contains(recreated);
            assertThat(db.<java.util.Map<String, MirrorRow>>read(h -> store.bySalesforceIds(h, java.util.List.of("00v000000000001AAA"))))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void membersNotSeenSinceAFullReadStartedAreForgotten(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            MemberKey bob = new MemberKey(1, 11);
            db.jdbi().useTransaction(h -> {
                store.put(h, new MirrorRow(ANN, "701000000000001AAA", "00v000000000001AAA", "Registered", T, null,
                        T.minusSeconds(60)));
                store.put(h, new MirrorRow(bob, "701000000000001AAA", "00v000000000002AAA", "Registered", T, null,
                        T.plusSeconds(1)));
            });

            int forgotten = db.jdbi().inTransaction(h -> store.deleteUnseenSince(h, 1, T));

            assertThat(forgotten).isEqualTo(1);
            assertThat(db.<Long>read(h -> store.count(h, 1))).isEqualTo(1);
            assertThat(db.<java.util.Optional<MirrorRow>>read(h -> store.get(h, bob))).isPresent();
        }
    }
}
