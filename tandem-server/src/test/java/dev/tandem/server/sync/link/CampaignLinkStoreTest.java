package dev.tandem.server.sync.link;

import dev.tandem.core.program.ProgramType;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.sync.SyncTestDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignLinkStoreTest {

    private static final Instant LEASE_END = Instant.parse("2026-11-28T10:02:00Z");
    private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
    private final CampaignLinkStore links = new CampaignLinkStore();

    private static long program(Jdbi jdbi, String name) {
        return new ProgramService(jdbi, Clock.systemUTC())
                .create(new NewProgram(name, null, ProgramType.EVENT, "Webinar", List.of())).id();
    }

    private static <T> T read(SyncTestDatabase db, Function<Handle, T> query) {
        return db.jdbi().withHandle(query::apply);
    }

    private void link(Jdbi jdbi, long programId, String campaignId, boolean paused) {
        jdbi.useHandle(h -> links.insert(h, new CampaignLink(programId, campaignId, "Campaign " + campaignId, AT,
                paused, ReconcileState.PENDING, null)));
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void linkIsFoundByProgramAndByCampaignAndIsOneToOneBothWays(SyncTestDatabase.Kind kind) {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            long a = program(db.jdbi(), "A");
            long b = program(db.jdbi(), "B");
            link(db.jdbi(), a, "701000000000001AAA", false);

            Optional<CampaignLink> byProgram = read(db, h -> links.byProgram(h, a));
            Optional<CampaignLink> byCampaign = read(db, h -> links.byCampaign(h, "701000000000001AAA"));
            Map<String, Long> programs = read(db, h -> links.programsOf(h, List.of("701000000000001AAA",
                    "701000000000009AAA")));
            assertThat(byProgram.map(CampaignLink::campaignId)).contains("701000000000001AAA");
            assertThat(byCampaign.map(CampaignLink::programId)).contains(a);
            assertThat(programs).isEqualTo(Map.of("701000000000001AAA", a));
            assertThatThrownBy(() -> link(db.jdbi(), b, "701000000000001AAA", false)).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> link(db.jdbi(), a, "701000000000002AAA", false)).isInstanceOf(RuntimeException.class);
            boolean deleted = read(db, h -> links.delete(h, a));
            boolean deletedAgain = read(db, h -> links.delete(h, a));
            assertThat(deleted).isTrue();
            assertThat(deletedAgain).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void aRunningInitialReconcileIsTakenOverOnlyOnceItsOwnersLeaseEndedOrItsOwnerStartedAgain(
            SyncTestDatabase.Kind kind) {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            long expired = program(db.jdbi(), "Expired");
            long restarted = program(db.jdbi(), "Restarted");
            link(db.jdbi(), expired, "701000000000003AAA", false);
            link(db.jdbi(), restarted, "701000000000004AAA", false);
            read(db, h -> links.claimInitialReconcile(h, expired, "dead-node", AT, LEASE_END));
            read(db, h -> links.claimInitialReconcile(h, restarted, "node-a", AT, LEASE_END));

            boolean whileLeased = read(db, h -> links.claimInitialReconcile(h, expired, "node-b", AT.plusSeconds(60),
                    LEASE_END.plusSeconds(60)));
            List<Long> resumableWhileLeased = read(db, h -> links.resumableInitialReconciles(h, AT.plusSeconds(60)));
            List<Long> resumableAfterLease = read(db, h -> links.resumableInitialReconciles(h,
                    LEASE_END.plusSeconds(1)));
            int released = read(db, h -> links.releaseInitialReconcilesOf(h, "node-a"));
            List<Long> resumableAfterRestart = read(db, h -> links.resumableInitialReconciles(h, AT.plusSeconds(60)));
            boolean takenOver = read(db, h -> links.claimInitialReconcile(h, expired, "node-b",
                    LEASE_END.plusSeconds(1), LEASE_END.plusSeconds(121)));

            assertThat(whileLeased).isFalse();
            assertThat(resumableWhileLeased).isEmpty();
            assertThat(resumableAfterLease).containsExactly(expired, restarted);
            assertThat(released).isEqualTo(1);
            assertThat(resumableAfterRestart).containsExactly(restarted);
            assertThat(takenOver).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void initialReconcileIsClaimedOnceAndOnlyWhileUnpaused(SyncTestDatabase.Kind kind) {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            long active = program(db.jdbi(), "Active");
            long paused = program(db.jdbi(), "Paused");
            link(db.jdbi(), active, "701000000000001AAA", false);
            link(db.jdbi(), paused, "701000000000002AAA", true);

            boolean pausedClaimed = read(db, h -> links.claimInitialReconcile(h, paused, "node-a", AT, LEASE_END));
            boolean activeClaimed = read(db, h -> links.claimInitialReconcile(h, active, "node-a", AT, LEASE_END));
            boolean activeClaimedAgain = read(db, h -> links.claimInitialReconcile(h, active, "node-b", AT,
                    LEASE_END));
            assertThat(pausedClaimed).isFalse();
            assertThat(activeClaimed).isTrue();
            assertThat(activeClaimedAgain).isFalse();
            db.jdbi().useHandle(h -> links.setInitialReconcileState(h, active, ReconcileState.DONE, AT));

            CampaignLink done = read(db, h -> links.byProgram(h, active).orElseThrow());
            assertThat(done.initialReconcileState()).isEqualTo(ReconcileState.DONE);
            assertThat(done.lastFullReconcileAt()).isEqualTo(AT);
            List<CampaignLink> served = read(db, links::active);
            assertThat(served).extracting(CampaignLink::programId).containsExactly(active);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void fieldChangesCoalesceAndAChangeDuringAPushStaysPending(SyncTestDatabase.Kind kind) {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            long id = program(db.jdbi(), "Costly");
            link(db.jdbi(), id, "701000000000001AAA", false);
            db.jdbi().useHandle(h -> links.markFieldsPushed(h, id, 1));
            List<CampaignLinkStore.PendingFields> none = read(db, links::pendingFields);
            assertThat(none).isEmpty();

            db.jdbi().useHandle(h -> links.markFieldsChanged(h, id));
            db.jdbi().useHandle(h -> links.markFieldsChanged(h, id));
            List<CampaignLinkStore.PendingFields> pending = read(db, links::pendingFields);
            assertThat(pending).containsExactly(new CampaignLinkStore.PendingFields(id, "701000000000001AAA", 3));

            db.jdbi().useHandle(h -> links.markFieldsChanged(h, id));
            db.jdbi().useHandle(h -> links.markFieldsPushed(h, id, 3));
            List<CampaignLinkStore.PendingFields> later = read(db, links::pendingFields);
            assertThat(later).extracting(CampaignLinkStore.PendingFields::version).containsExactly(4L);

            db.jdbi().useHandle(h -> links.markFieldsRefused(h, id, 4, "ENTITY_IS_DELETED entity is deleted"));
            List<CampaignLinkStore.PendingFields> settled = read(db, links::pendingFields);
            assertThat(settled).isEmpty();
        }
    }
}
