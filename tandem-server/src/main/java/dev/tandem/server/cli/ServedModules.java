package dev.tandem.server.cli;

import dev.tandem.server.TandemApp;
import dev.tandem.server.automation.api.AutomationModule;

/**
 * The modules a served Tandem runs on top of the core ones. Smart campaigns live here rather than among the core
 * modules because their tests drive the engine by hand, which needs the module without its background worker.
 */
final class ServedModules {

    private ServedModules() {
    }

    /** The builder with the smart-campaign engine (and its Salesforce flow actions) running in the background. */
    static TandemApp.Builder addTo(TandemApp.Builder builder) {
        return builder.module(services -> AutomationModule.withSalesforce(services, true));
    }
}
