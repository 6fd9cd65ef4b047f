package dev.tandem.server.sync.diagnosis;

import dev.tandem.salesforce.preflight.Diagnosis;
import dev.tandem.server.cli.ConfigOptions;
import dev.tandem.server.config.TandemConfig;
import dev.tandem.server.store.Database;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.link.CampaignLinkStore;
import dev.tandem.server.sync.secrets.SecretKeySource;
import dev.tandem.server.sync.settings.SalesforceConnectionStore;
import dev.tandem.server.sync.settings.SalesforceConnections;
import dev.tandem.server.sync.settings.SyncSettingsService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tandem status}: the campaign sync diagnosis and every program–campaign link; exit 1 when a check fails. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print the campaign sync diagnosis and the program-campaign links.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TandemConfig config = options.resolve(System.getenv());
        PrintWriter out = spec.commandLine().getOut();
        try (Database database = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), 2)) {
            SyncSettingsService settings = new SyncSettingsService(database.jdbi(), Clock.systemUTC());
            SalesforceConnectionStore store = new SalesforceConnectionStore(database.jdbi(),
                    SecretKeySource.lazyCipher(config.secretKey().orElse(null), config.dataDir()));
            List<Diagnosis> checks = new SyncDiagnosis(settings, new SalesforceConnections(store, settings, null)).run();
            out.println("Campaign sync diagnosis");
            for (Diagnosis check : checks) {
                out.printf("  %-6s %s: %s%n", check.ok() ? "[ok]" : "[FAIL]", check.check(), check.message());
                if (!check.ok() && !check.fix().isBlank()) {
                    out.printf("         fix: %s%n", check.fix());
                }
            }
            List<CampaignLink> links = database.jdbi().withHandle(new CampaignLinkStore()::all);
            out.println("Links (" + links.size() + ")");
            for (CampaignLink link : links) {
                out.printf("  program %d -> campaign %s '%s'  linked %s  initial reconcile %s%s%n", link.programId(),
                        link.campaignId(), link.campaignName(), link.linkedAt(), link.initialReconcileState(),
                        link.paused() ? "  PAUSED" : "");
            }
            out.flush();
            return checks.stream().allMatch(Diagnosis::ok) ? 0 : 1;
        }
    }
}
