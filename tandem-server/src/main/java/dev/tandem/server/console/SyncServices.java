package dev.tandem.server.console;

import dev.tandem.server.TandemApp;
import dev.tandem.server.http.TandemModule;
import dev.tandem.server.sync.campaign.CampaignDirectory;
import dev.tandem.server.sync.campaign.CampaignGateway;
import dev.tandem.server.sync.campaign.ClientCampaignGateway;
import dev.tandem.server.sync.cycle.CampaignSyncModule;
import dev.tandem.server.sync.diagnosis.SyncDiagnosis;
import dev.tandem.server.sync.link.CampaignLinkService;
import dev.tandem.server.sync.link.SyncLinkModule;
import dev.tandem.server.sync.secrets.SecretKeySource;
import dev.tandem.server.sync.settings.SalesforceConnectionService;
import dev.tandem.server.sync.settings.SalesforceConnectionStore;
import dev.tandem.server.sync.settings.SalesforceConnections;
import dev.tandem.server.sync.settings.SyncSettingsService;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The campaign sync's services as the console uses them, taken from the sync module the server runs. The module
 * shares its settings, client source and link service; the read-side helpers (diagnosis, campaign directory,
 * connection form) are stateless and built here over the same stores.
 */
record SyncServices(SyncSettingsService settings, SalesforceConnectionService connection,
                    SalesforceConnections connections, SyncDiagnosis diagnosis, CampaignDirectory directory,
                    CampaignLinkService links) {

    /** Where the server keeps a generated credentials key when none is configured (as the sync module does). */
    private static final Path DATA_DIR = Path.of("data");

    /** The sync's services when a sync module is among {@code peers} (alone, or inside the campaign sync). */
    static Optional<SyncServices> find(TandemApp.Services services, List<TandemModule> peers) {
        return peers.stream()
                .map(peer -> peer instanceof CampaignSyncModule sync ? sync.link() : peer)
                .filter(SyncLinkModule.class::isInstance).map(SyncLinkModule.class::cast).findFirst()
                .map(link -> of(services, link));
    }

    private static SyncServices of(TandemApp.Services services, SyncLinkModule link) {
        SalesforceConnectionService connection = new SalesforceConnectionService(
                new SalesforceConnectionStore(services.database().jdbi(),
                        SecretKeySource.lazyCipher(services.config().secretKey().orElse(null), DATA_DIR)),
                services.clock());
        // A saved connection must reach the shared client at once, as it does when saved over the REST API.
        connection.onChange(link.connections()::reset);
        SyncDiagnosis diagnosis = new SyncDiagnosis(link.settings(), link.connections());
        Supplier<Optional<CampaignGateway>> gateways = () -> link.connections().client().map(ClientCampaignGateway::new);
        return new SyncServices(link.settings(), connection, link.connections(), diagnosis,
                new CampaignDirectory(services.database().jdbi(), link.links(), diagnosis, gateways),
                link.linkService());
    }
}
