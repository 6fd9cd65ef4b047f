package dev.tandem.server.sync.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.program.PeriodCost;
import dev.tandem.core.program.ProgramType;
import dev.tandem.emulator.EmulatorConfig;
import dev.tandem.emulator.SalesforceEmulator;
import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.domain.programs.ProgramUpdate;
import dev.tandem.server.sync.SyncTestDatabase;
import dev.tandem.server.sync.cycle.LeaseStore;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.link.ReconcileState;
import dev.tandem.server.sync.settings.SyncSettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Type/ActualCost push against the emulator, driven by hand (no background tick) to count its API calls. */
class CampaignFieldsPusherTest {

    private SalesforceEmulator emulator;
    private SyncTestDatabase db;
    private SalesforceClient salesforce;
    private ProgramService programs;
    private SyncSettingsService settings;
    private CampaignFieldsPusher pusher;
    private final CampaignLinkStore links = new CampaignLinkStore();

    @BeforeEach
    void setUp() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorConfig.defaults());
        db = SyncTestDatabase.open(SyncTestDatabase.Kind.H2);
        salesforce = SalesforceClient.connect(SalesforceConfig.builder(emulator.baseUrl())
                .password("tandem-client-id", "tandem-client-secret", "integration@tandem.dev", "tandem-password")
                .build());
        programs = new ProgramService(db.jdbi(), Clock.systemUTC());
        settings = new SyncSettingsService(db.jdbi(), Clock.systemUTC());
        settings.update(new ObjectMapper().readTree("{\"campaignSyncEnabled\":true}"));
        pusher = new CampaignFieldsPusher(db.jdbi(), links, programs, settings,
                () -> Optional.of(new ClientCampaignGateway(salesforce)), new LeaseStore(db.jdbi()), "this-node",
                Clock.systemUTC());
        programs.addListener(pusher);
    }

    @AfterEach
    void tearDown() {
        db.close();
        emulator.close();
    }

    private long linkedProgram(String campaignId) {
        long id = programs.create(new NewProgram("Program " + campaignId, null, ProgramType.EVENT, "Webinar",
                List.of(new PeriodCost(YearMonth.of(2026, 1), 100, null)))).id();
        db.jdbi().useTransaction(tx -> {
            links.insert(tx, new CampaignLink(id, campaignId, "C", Clock.systemUTC().instant(), false,
                    ReconcileState.DONE, null));
            links.markFieldsPushed(tx, id, 1);
            programs.linkSalesforceCampaign(tx, id, campaignId, "C");
        });
        return id;
    }

    private String campaign() {
        return salesforce.create("Campaign", List.of(Map.of("Name", "Pushed", "Type", "Other", "ActualCost", 1)))
                .get(0).id();
    }

    private BigDecimal actualCost(String campaignId) {
        return salesforce.stream(Soql.select("Id", "ActualCost").from("Campaign").where(Cond.eq("Id", campaignId))
                .build()).findFirst().orElseThrow().getDecimal("ActualCost");
    }

    @Test
    void repeatedCostChangesCoalesceIntoOneUpdateCallForAllCampaigns() {
        String first = campaign();
        String second = campaign();
        long a = linkedProgram(first);
        long b = linkedProgram(second);
        programs.update(a, new ProgramUpdate(null, null, List.of(new PeriodCost(YearMonth.of(2026, 2), 20, null)), false));
        programs.update(a, new ProgramUpdate(null, null, List.of(new PeriodCost(YearMonth.of(2026, 3), 30, null)), false));
        programs.update(b, new ProgramUpdate(null, null, List.of(), true));
        long callsBefore = emulator.control().apiCallsUsed();

        int pushed = pusher.pushPending();

        assertThat(emulator.control().apiCallsUsed() - callsBefore).isEqualTo(1);
        assertThat(pushed).isEqualTo(2);
        assertThat(actualCost(first)).isEqualByComparingTo(new BigDecimal(150));
        assertThat(actualCost(second)).isEqualByComparingTo(BigDecimal.ZERO);
        long afterPush = emulator.control().apiCallsUsed();
        assertThat(pusher.pushPending()).isZero();
        assertThat(emulator.control().apiCallsUsed()).isEqualTo(afterPush);
    }

    @Test
    void nothingIsPushedWhileCampaignSyncIsOffAndTheChangeWaits() throws Exception {
        String campaignId = campaign();
        long id = linkedProgram(campaignId);
        settings.update(new ObjectMapper().readTree("{\"campaignSyncEnabled\":false}"));
        programs.update(id, new ProgramUpdate(null, null, List.of(new PeriodCost(YearMonth.of(2026, 2), 5, null)), false));

        assertThat(pusher.pushPending()).isZero();
        assertThat(actualCost(campaignId)).isEqualByComparingTo(BigDecimal.ONE);

        settings.update(new ObjectMapper().readTree("{\"campaignSyncEnabled\":true}"));
        assertThat(pusher.pushPending()).isEqualTo(1);
        assertThat(actualCost(campaignId)).isEqualByComparingTo(new BigDecimal(105));
    }

    @Test
    void campaignGoneFromSalesforceIsRecordedNotRetriedAndBlocksNoOther() {
        String gone = campaign();
        String kept = campaign();
        long a = linkedProgram(gone);
        long b = linkedProgram(kept);
        salesforce.delete(List.of(gone));
        programs.update(a, new ProgramUpdate(null, null, List.of(new PeriodCost(YearMonth.of(2026, 2), 1, null)), false));
        programs.update(b, new ProgramUpdate(null, null, List.of(new PeriodCost(YearMonth.of(2026, 2), 1, null)), false));

        assertThat(pusher.pushPending()).isEqualTo(1);

        assertThat(actualCost(kept)).isEqualByComparingTo(new BigDecimal(101));
        String error = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT fields_push_error FROM campaign_links WHERE program_id = :id").bind("id", a)
                .mapTo(String.class).one());
        assertThat(error).isNotBlank();
        assertThat(db.jdbi().withHandle(links::pendingFields)).isEmpty();
    }

    @Test
    void whileAnotherNodeHoldsThePushLeaseThisNodeSendsNothing() {
        String campaignId = campaign();
        long id = linkedProgram(campaignId);
        programs.update(id, new ProgramUpdate(null, null, List.of(new PeriodCost(YearMonth.of(2026, 2), 5, null)), false));
        LeaseStore leases = new LeaseStore(db.jdbi());
        assertThat(leases.tryAcquire(CampaignFieldsPusher.LEASE, "other-node", Instant.now(), Duration.ofMinutes(1)))
                .isTrue();

        assertThat(pusher.pushPending()).isZero();
        assertThat(actualCost(campaignId)).isEqualByComparingTo(BigDecimal.ONE);

        leases.release(CampaignFieldsPusher.LEASE, "other-node");
        assertThat(pusher.pushPending()).isEqualTo(1);
        assertThat(actualCost(campaignId)).isEqualByComparingTo(new BigDecimal(105));
    }
}
