package dev.tandem.server.console;

import dev.tandem.salesforce.limits.ApiUsage;
import dev.tandem.server.console.view.ApiUsageView;
import dev.tandem.server.console.view.ConsoleQueries;
import dev.tandem.server.console.view.LinkRow;
import dev.tandem.server.console.web.ConsoleRequest;
import dev.tandem.server.console.web.ConsoleRouter;
import dev.tandem.server.domain.programs.ProgramService;
import dev.tandem.server.sync.link.CampaignLink;
import dev.tandem.server.sync.settings.SyncSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The start page: what exists, and how the campaign sync is doing. */
final class DashboardPage {
    static final int LAST_RUNS = 5;

    private final ConsoleQueries queries;
    private final ProgramService programs;
    private final Optional<SyncServices> sync;
    private final Optional<FlowServices> flow;

    DashboardPage(ConsoleQueries queries, ProgramService programs, Optional<SyncServices> sync,
                  Optional<FlowServices> flow) {
        this.queries = queries;
        this.programs = programs;
        this.sync = sync;
        this.flow = flow;
    }

    void install(ConsoleRouter router) {
        router.page("/", this::show);
    }

    private void show(ConsoleRequest request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("overview", queries.overview());
        model.put("syncAvailable", sync.isPresent());
        SyncSettings settings = sync.map(s -> s.settings().current()).orElse(null);
        model.put("syncEnabled", settings != null && settings.campaignSyncEnabled());
        model.put("links", sync.map(this::links).orElse(List.of()));
        model.put("usage", sync.map(s -> usage(s, settings)).orElse(null));
        model.put("flowAvailable", flow.isPresent());
        model.put("lastRuns", flow.map(f -> f.recentRuns(LAST_RUNS)).orElse(List.of()));
        model.put("pending", flow.map(FlowServices::pendingPushes).orElse(0L));
        model.put("openErrors", flow.map(FlowServices::openErrorCount).orElse(0L));
        request.render("dashboard.jte", "Dashboard", "dashboard", model);
    }

    private List<LinkRow> links(SyncServices sync) {
        List<LinkRow> rows = new ArrayList<>();
        for (CampaignLink link : sync.links().links()) {
            String name = programs.get(link.programId()).map(p -> p.name()).orElse("Program " + link.programId());
            rows.add(new LinkRow(link.programId(), name, link.campaignId(), link.campaignName(), link.paused(),
                    link.initialReconcileState().name().toLowerCase(), link.lastFullReconcileAt()));
        }
        return rows;
    }

    // Usage comes from the limit header of the client's last response: reading it costs no API call. Before the
    // first call (or without a working connection) it is unknown, and the page says so.
    private static ApiUsageView usage(SyncServices sync, SyncSettings settings) {
        Optional<ApiUsage> usage;
        try {
            usage = sync.connections().client().map(client -> client.usage());
        } catch (RuntimeException e) {
            usage = Optional.empty();
        }
        return usage.filter(ApiUsage::known)
                .map(u -> new ApiUsageView(true, u.used(), u.max(), u.budget(), u.clientCalls(), u.budgetPercent()))
                .orElse(ApiUsageView.unknown(settings.apiBudgetPercent()));
    }
}
