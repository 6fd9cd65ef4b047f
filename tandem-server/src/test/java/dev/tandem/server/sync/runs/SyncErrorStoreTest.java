package dev.tandem.server.sync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.sync.SyncTestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyncErrorStoreTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private final SyncErrorStore store = new SyncErrorStore();

    private static SyncError failure(String code, Instant at) {
        return SyncError.of(Operation.PUSH_MEMBERS, 1L, 2L, "00v000000000001AAA", code, null, "refused",
                List.of("Status", "LeadId"), at);
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aRepeatedFailureOfTheSameMemberUpdatesItsOpenErrorAndCountsTheAttempts(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            db.jdbi().useTransaction(h -> {
                store.record(h, null, failure("UNABLE_TO_LOCK_ROW", T));
                store.record(h, null, failure("REQUIRED_FIELD_MISSING", T.plusSeconds(5)));
            });

            List<SyncError> open = db.jdbi().withHandle(h -> store.page(h, true, Long.MAX_VALUE, 10));
            assertThat(open).singleElement().satisfies(e -> {
                assertThat(e.attempts()).isEqualTo(2);
                assertThat(e.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
                assertThat(e.fields()).containsExactly("Status", "LeadId");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aResolvedErrorLeavesTheOpenListButStaysInTheHistory(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            db.jdbi().useTransaction(h -> store.record(h, null, failure("X", T)));
            db.jdbi().useTransaction(h -> store.resolveMember(h, List.of(Operation.PUSH_MEMBERS), 1, 2, T.plusSeconds(9)));

            assertThat(db.<List<SyncError>>read(h -> store.page(h, true, Long.MAX_VALUE, 10))).isEmpty();
            assertThat(db.<List<SyncError>>read(h -> store.page(h, false, Long.MAX_VALUE, 10))).singleElement()
                    .satisfies(e -> assertThat(e.resolvedAt()).isEqualTo(T.plusSeconds(9)));
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void errorsOlderThanTheCutoffArePurged(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            db.jdbi().useTransaction(h -> {
                store.record(h, null, SyncError.of(Operation.PULL_MEMBERS, null, null, "00v000000000001AAA", "OLD",
                        null, "old", List.of(), T.minusSeconds(100)));
                store.record(h, null, SyncError.of(Operation.PULL_MEMBERS, null, null, "00v000000000002AAA", "NEW",
                        null, "new", List.of(), T));
            });

            int purged = db.jdbi().inTransaction(h -> store.purgeBefore(h, T.minusSeconds(1)));

            assertThat(purged).isEqualTo(1);
            assertThat(db.<List<SyncError>>read(h -> store.page(h, false, Long.MAX_VALUE, 10)))
                    .extracting(SyncError::errorCode).containsExactly("NEW");
        }
    }
}
