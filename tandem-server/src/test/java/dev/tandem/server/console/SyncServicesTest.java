package dev.tandem.server.console;

import dev.tandem.server.TandemApp;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.http.TestDatabases;
import dev.tandem.server.sync.cycle.CampaignSyncModule;
import dev.tandem.server.sync.link.SyncLinkModule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyncServicesTest {

    @Test
    void theConsoleUsesTheSyncModulesOwnInstancesNotCopies() {
        TestDatabases.TestDatabase db = TestDatabases.create(TestDatabases.Kind.H2);
        TandemConfig config = TandemConfig.defaults().withHttpPort(0).withDatabase(db.url(), db.user(), db.password());
        try (TandemApp app = TandemApp.builder(config).build()) {
            CampaignSyncModule sync = app.module(CampaignSyncModule.class).orElseThrow();
            SyncLinkModule link = sync.link();

            SyncServices console = SyncServices.find(List.of(sync)).orElseThrow();

            assertThat(console.connection()).isSameAs(link.connection());
            assertThat(console.diagnosis()).isSameAs(link.diagnosis());
            assertThat(console.directory()).isSameAs(link.directory());
            assertThat(console.connections()).isSameAs(link.connections());
            assertThat(console.settings()).isSameAs(link.settings());
            assertThat(console.links()).isSameAs(link.linkService());
        } finally {
            db.drop();
        }
    }

    @Test
    void withoutTheSyncModuleTheConsoleHasNoSyncServices() {
        assertThat(SyncServices.find(List.of())).isEmpty();
    }
}
