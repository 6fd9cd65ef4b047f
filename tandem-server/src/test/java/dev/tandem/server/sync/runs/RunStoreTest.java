package dev.tandem.server.sync.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.sync.SyncTestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunStoreTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private final RunStore store = new RunStore(new ObjectMapper());

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aFinishedRunKeepsItsCountersPerOperation(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            long id = db.jdbi().inTransaction(h -> store.begin(h, "cycle", T));
            RunReport finished = new RunReport(id, "cycle", T, T.plusSeconds(2), RunOutcome.COMPLETED,
                    Map.of(Operation.PUSH_MEMBERS, new OperationCounts(3, 1, 1, 1, 0, 0),
                            Operation.PULL_MEMBERS, new OperationCounts(0, 2, 0, 0, 4, 1)), 7, null);
            db.jdbi().useTransaction(h -> store.finish(h, finished));

            List<RunReport> page = db.read(h -> store.page(h, Long.MAX_VALUE, 10));

            assertThat(page).containsExactly(finished);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void runsArePagedNewestFirst(SyncTestDatabase.Kind kind) {
        try (var db = SyncTestDatabase.open(kind)) {
            for (int i = 0; i < 3; i++) {
                Instant at = T.plusSeconds(i);
                db.jdbi().useTransaction(h -> store.begin(h, "push", at));
            }

            List<RunReport> first = db.read(h -> store.page(h, Long.MAX_VALUE, 2));
            List<RunReport> rest = db.read(h -> store.page(h, first.get(1).id(), 2));

            assertThat(first).extracting(RunReport::startedAt).containsExactly(T.plusSeconds(2), T.plusSeconds(1));
            assertThat(rest).extracting(RunReport::startedAt).containsExactly(T);
            assertThat(rest.get(0).outcome()).isEqualTo(RunOutcome.RUNNING);
        }
    }
}
