package dev.tandem.server.domain.membership;

import dev.tandem.server.http.MutableClock;
import dev.tandem.core.activity.ActivityType;
import dev.tandem.core.membership.ChangeSource;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.program.Program;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.domain.activity.ActivityLog;
import dev.tandem.server.domain.activity.ActivityQuery;
import dev.tandem.server.domain.people.LookupField;
import dev.tandem.server.domain.people.PeopleService;
import dev.tandem.server.domain.people.PersonInput;
import dev.tandem.server.domain.people.SyncAction;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.store.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentMembershipTest extends DatabaseTest {

    @Test
    void concurrentAddsOfTheSameNewMemberCreateItExactlyOnce() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
        ActivityLog log = new ActivityLog(database().jdbi());
        PeopleService people = new PeopleService(database().jdbi(), log, clock);
        MembershipService memberships = new MembershipService(database().jdbi(), log, clock);
        Program program = new ProgramService(database().jdbi(), clock)
                .create(new NewProgram("P", null, ProgramType.EVENT, "Webinar", null));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(people.sync(SyncAction.CREATE_ONLY, LookupField.EMAIL,
                    List.of(PersonInput.of(PersonFields.ofEmail("p" + i + "@x.io")))).get(0).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<List<MemberResult>>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                writers.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return memberships.changeStatus(program.id(), ids, "Member", ChangeSource.API, null);
                }, pool));
            }
            start.countDown();
            List<MemberResult> all = new ArrayList<>();
            for (CompletableFuture<List<MemberResult>> writer : writers) {
                all.addAll(writer.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).filteredOn(r -> r.status() == MemberResult.Status.CREATED).hasSize(ids.size());
            assertThat(all).filteredOn(r -> r.status() == MemberResult.Status.SKIPPED).hasSize(ids.size());
            assertThat(memberships.statusCounts(program.id())).containsEntry("Member", (long) ids.size());
            assertThat(log.read(ActivityQuery.ofTypes(Set.of(ActivityType.CHANGE_STATUS_IN_PROGRESSION.id())),
                    log.pagingToken(Instant.EPOCH), 300).items()).hasSize(ids.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
