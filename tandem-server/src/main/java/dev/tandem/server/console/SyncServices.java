package dev.tandem.server.console;

import dev.tandem.server.http.TandemModule;
import dev.tandem.server.sync.campaign.CampaignDirectory;
import dev.tandem.server.sync.cycle.CampaignSyncModule;
import dev.tandem.server.sync.diagnosis.SyncDiagnosis;
import dev.tandem.server.sync.link.CampaignLinkService;
import dev.tandem.server.sync.link.SyncLinkModule;
import dev.tandem.server.sync.settings.SalesforceConnectionService;
import dev.tandem.server.sync.settings.SalesforceConnections;
import dev.tandem.server.sync.settings.SyncSettingsService;

import java.util.List;
import java.util.Optional;

/** The campaign sync's services as the console uses them: the very instances of the sync module the server runs. */
record SyncServices(SyncSettingsService settings, SalesforceConnectionService connection,
                    SalesforceConnections connections, SyncDiagnosis diagnosis, CampaignDirectory directory,
                    CampaignLinkService links) {

    /** The sync's services when a sync module is among {@code peers} (alone, or inside the campaign sync). */
    static Optional<SyncServices> find(List<TandemModule> peers) {
        return peers.stream()
                .map(peer -> peer instanceof CampaignSyncModule sync ? sync.link() : peer)
                .filter(SyncLinkModule.class::isInstance).map(SyncLinkModule.class::cast).findFirst()
                .map(link -> new SyncServices(link.settings(), link.connection(), link.connections(),
                        link.diagnosis(), link.directory(), link.linkService()));
    }
}
