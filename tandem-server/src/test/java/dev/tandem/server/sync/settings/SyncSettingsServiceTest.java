package dev.tandem.server.sync.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.core.program.ProgramType;
import dev.tandem.server.domain.programs.NewProgram;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.sync.SyncTestDatabase;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.link.ReconcileState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncSettingsServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void freshDatabaseHoldsTheDefaults(SyncTestDatabase.Kind kind) {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            SyncSettings settings = new SyncSettingsService(db.jdbi(), CLOCK).current();

            assertThat(settings.campaignSyncEnabled()).isFalse();
            assertThat(settings.pullForwardOnly()).isFalse();
            assertThat(settings.pollIntervalSeconds()).isEqualTo(60);
            assertThat(settings.apiBudgetPercent()).isEqualTo(50);
            assertThat(settings.defaultLeadLastName()).isEqualTo("[not provided]");
            assertThat(settings.defaultLeadCompany()).isEqualTo("[not provided]");
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void updateIsStoredAndListenersHearOfIt(SyncTestDatabase.Kind kind) throws Exception {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            SyncSettingsService service = new SyncSettingsService(db.jdbi(), CLOCK);
            AtomicReference<SyncSettings> heard = new AtomicReference<>();
            service.onChange(heard::set);

            service.update(JSON.readTree("{\"pullForwardOnly\":true,\"apiBudgetPercent\":30}"));

            SyncSettings stored = new SyncSettingsService(db.jdbi(), CLOCK).current();
            assertThat(stored.pullForwardOnly()).isTrue();
            assertThat(stored.apiBudgetPercent()).isEqualTo(30);
            assertThat(stored.updatedAt()).isEqualTo(CLOCK.instant());
            assertThat(heard.get()).isEqualTo(stored);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void rejectedUpdateSavesNothingEvenForItsValidFields(SyncTestDatabase.Kind kind) throws Exception {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            SyncSettingsService service = new SyncSettingsService(db.jdbi(), CLOCK);
            SyncSettings before = service.current();

            assertThatThrownBy(() -> service.update(JSON.readTree(
                    "{\"campaignSyncEnabled\":true,\"pollIntervalSeconds\":-5}")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("pollIntervalSeconds");

            assertThat(service.current()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTestDatabase.Kind.class)
    void switchingCampaignSyncOffPausesEveryLinkAndOnAgainResumesThem(SyncTestDatabase.Kind kind) throws Exception {
        try (SyncTestDatabase db = SyncTestDatabase.open(kind)) {
            SyncSettingsService service = new SyncSettingsService(db.jdbi(), CLOCK);
            service.update(JSON.readTree("{\"campaignSyncEnabled\":true}"));
            ProgramService programs = new ProgramService(db.jdbi(), CLOCK);
            CampaignLinkStore links = new CampaignLinkStore();
            for (int i = 0; i < 2; i++) {
                long id = programs.create(new NewProgram("P" + i, null, ProgramType.EVENT, "Webinar", List.of())).id();
                String campaign = "70100000000000" + i + "AAA";
                db.jdbi().useHandle(h -> links.insert(h, new CampaignLink(id, campaign, "C", CLOCK.instant(), false,
                        ReconcileState.DONE, null)));
            }

            service.update(JSON.readTree("{\"campaignSyncEnabled\":false}"));
            assertThat(db.jdbi().withHandle(links::all)).extracting(CampaignLink::paused).containsOnly(true);
            assertThat(db.jdbi().withHandle(links::active)).isEmpty();

            service.update(JSON.readTree("{\"campaignSyncEnabled\":true}"));
            assertThat(db.jdbi().withHandle(links::active)).hasSize(2);
        }
    }
}
