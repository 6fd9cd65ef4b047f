package dev.tandem.server.sync.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.program.ProgramType;
import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.sync.SyncTestDatabase;
import dev.tandem.server.sync.campaign.ClientCampaignGateway;
import dev.tandem.server.sync.reconcile.CampaignReconciler;
import dev.tandem.server.sync.reconcile.ReconcileMode;
import dev.tandem.server.sync.runs.RunOutcome;
import dev.tandem.server.sync.runs.RunReport;
import dev.tandem.server.sync.settings.SyncSettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** After a link commits, FLOW's reconciler runs INITIAL off the request thread and its outcome is recorded. */
class InitialReconcileTest {

    private SalesforceEmulator emulator;
    private SyncTestDatabase db;
    private ProgramService programs;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final CampaignLinkStore links = new CampaignLinkStore();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
        db = SyncTestDatabase.open(SyncTestDatabase.Kind.H2);
        programs = new ProgramService(db.jdbi(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        background.shutdownNow();
        db.close();
        emulator.close();
    }

    private SyncSettingsService settings;

    private CampaignLinkService service(CampaignReconciler reconciler) throws Exception {
        return service(reconciler, background);
    }

    private CampaignLinkService service(CampaignReconciler reconciler, Executor executor) throws Exception {
        settings = new SyncSettingsService(db.jdbi(), Clock.systemUTC());
        settings.update(new ObjectMapper().readTree("{\"campaignSyncEnabled\":true}"));
        SalesforceClient client = SalesforceClient.connect(SalesforceConfig.builder(emulator.baseUrl())
                .password("tandem-client-id", "tandem-client-secret", "integration@tandem.dev", "tandem-password")
                .build());
        return new CampaignLinkService(db.jdbi(), programs, links, settings,
                () -> Optional.of(new ClientCampaignGateway(client)), Optional.of(reconciler), executor,
                Clock.systemUTC());
    }

    private long program() {
        return programs.create(new NewProgram("Reconciled " + System.nanoTime(), null, ProgramType.EVENT, "Webinar",
                List.of())).id();
    }

    private ReconcileState state(long programId) {
        return db.jdbi().withHandle(h -> links.byProgram(h, programId)).orElseThrow().initialReconcileState();
    }

    @Test
    void linkRunsTheInitialReconcileInTheBackgroundAndRecordsItDone() throws Exception {
        CampaignLinkService service = service((programId, mode) -> {
            calls.add(programId + ":" + mode);
            return new RunReport(1L, "reconcile", Instant.now(), Instant.now(), RunOutcome.COMPLETED, Map.of(), 0, null);
        });
        long programId = program();

        CampaignLink link = service.link(programId, new LinkRequest(null, "New campaign"));

        assertThat(link.initialReconcileState()).isEqualTo(ReconcileState.PENDING);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(programId) == ReconcileState.DONE);
        assertThat(calls).containsExactly(programId + ":" + ReconcileMode.INITIAL);
        assertThat(db.jdbi().withHandle(h -> links.byProgram(h, programId)).orElseThrow().lastFullReconcileAt())
                .isNotNull();
    }

    @Test
    void failedInitialReconcileIsRecordedAndTheLinkStays() throws Exception {
        CampaignLinkService service = service((programId, mode) -> {
            throw new IllegalStateException("Salesforce went away");
        });
        long programId = program();

        service.link(programId, new LinkRequest(null, "Failing campaign"));

        await().atMost(Duration.ofSeconds(10)).until(() -> state(programId) == ReconcileState.FAILED);
        assertThat(programs.get(programId).orElseThrow().isLinked()).isTrue();
    }

    @Test
    void reconcileDueWhileCampaignSyncIsOffWaitsAndRunsOnceWhenItIsOnAgain() throws Exception {
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        CampaignLinkService service = service((programId, mode) -> {
            calls.add(programId + ":" + mode);
            return new RunReport(1L, "reconcile", Instant.now(), Instant.now(), RunOutcome.COMPLETED, Map.of(), 0, null);
        }, queued::add);
        long programId = program();
        service.link(programId, new LinkRequest(null, "Paused campaign"));

        settings.update(new ObjectMapper().readTree("{\"campaignSyncEnabled\":false}"));
        runAll(queued);
        assertThat(calls).isEmpty();
        assertThat(state(programId)).isEqualTo(ReconcileState.PENDING);

        settings.update(new ObjectMapper().readTree("{\"campaignSyncEnabled\":true}"));
        assertThat(service.resumePendingReconciles()).isEqualTo(1);
        runAll(queued);

        assertThat(calls).containsExactly(programId + ":" + ReconcileMode.INITIAL);
        assertThat(state(programId)).isEqualTo(ReconcileState.DONE);
        assertThat(service.resumePendingReconciles()).isZero();
    }

    private static void runAll(List<Runnable> queued) {
        List<Runnable> batch = List.copyOf(queued);
        queued.clear();
        batch.forEach(Runnable::run);
    }
}
