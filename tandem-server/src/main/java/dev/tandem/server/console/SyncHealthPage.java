package dev.tandem.server.console;

import dev.tandem.server.console.auth.Flash;
import dev.tandem.server.console.view.BarChart;
import dev.tandem.server.console.view.ConsoleQueries;
import dev.tandem.server.console.view.WatchedCampaignRow;
import dev.tandem.server.console.web.ConsoleRequest;
import dev.tandem.server.console.web.ConsoleRouter;
import dev.tandem.server.sync.runs.Operation;
import dev.tandem.server.sync.runs.OperationCounts;
import dev.tandem.server.sync.runs.RunReport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sync health: the latest runs with their counters, charts of changes and API calls per run (inline SVG), totals
 * per operation, the pending outbox, the watched campaigns, and a button to run a cycle now.
 */
final class SyncHealthPage {
    static final int RUNS_SHOWN = 40;

    /** The change counters charted, in stacking order, with their CSS classes. */
    static final List<BarChart.Series> CHANGE_SERIES = List.of(new BarChart.Series("created", "s-created"),
            new BarChart.Series("updated", "s-updated"), new BarChart.Series("removed", "s-removed"),
            new BarChart.Series("failed", "s-failed"));
    static final List<BarChart.Series> CALL_SERIES = List.of(new BarChart.Series("API calls", "s-calls"));

    /** Most watched campaigns listed. */
    static final int WATCHED_SHOWN = 200;

    private final FlowServices flow;
    private final ConsoleQueries queries;

    SyncHealthPage(FlowServices flow, ConsoleQueries queries) {
        this.flow = flow;
        this.queries = queries;
    }

    void install(ConsoleRouter router) {
        router.page("/sync", this::show);
        router.action("/sync/run", this::runNow);
    }

    private void show(ConsoleRequest request) {
        List<RunReport> runs = flow.recentRuns(RUNS_SHOWN);
        List<RunReport> oldestFirst = new ArrayList<>(runs);
        Collections.reverse(oldestFirst);
        List<BarChart.Column> changes = new ArrayList<>();
        List<BarChart.Column> calls = new ArrayList<>();
        for (RunReport run : oldestFirst) {
            OperationCounts total = run.total();
            String label = "Run " + run.id() + " (" + run.kind() + ")";
            changes.add(new BarChart.Column(label, List.of(new BarChart.Segment("created", total.created()),
                    new BarChart.Segment("updated", total.updated()), new BarChart.Segment("removed", total.removed()),
                    new BarChart.Segment("failed", total.failed()))));
            calls.add(new BarChart.Column(label, List.of(new BarChart.Segment("API calls", run.apiCalls()))));
        }
        Map<Operation, OperationCounts> perOperation = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            perOperation.put(op, runs.stream().map(r -> r.counts(op)).reduce(OperationCounts.ZERO,
                    OperationCounts::plus));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("runs", runs);
        model.put("changesChart", BarChart.of(changes, CHANGE_SERIES, 620, 180));
        model.put("callsChart", BarChart.of(calls, CALL_SERIES, 620, 180));
        model.put("perOperation", perOperation);
        model.put("pending", flow.pendingPushes());
        model.put("openErrors", flow.openErrorCount());
        List<WatchedCampaignRow> watched = flow.watchedCampaigns(WATCHED_SHOWN);
        model.put("watched", watched);
        model.put("watchedTotal", flow.watchedCampaignCount());
        model.put("smartCampaignNames", queries.smartCampaignNames(watched.stream()
                .flatMap(row -> row.smartCampaigns().stream()).distinct().toList()));
        model.put("programNames", queries.programNames(watched.stream().map(WatchedCampaignRow::linkedProgramId)
                .filter(Objects::nonNull).distinct().toList()));
        request.render("sync.jte", "Sync health", "sync", model);
    }

    private void runNow(ConsoleRequest request) {
        RunReport report = flow.runOnce();
        OperationCounts total = report.total();
        String summary = "Sync run " + report.id() + " " + report.outcome().name().toLowerCase().replace('_', ' ')
                + ": " + total.created() + " created, " + total.updated() + " updated, " + total.removed()
                + " removed, " + total.failed() + " failed, " + report.apiCalls() + " API calls"
                + (report.note() == null || report.note().isBlank() ? "." : " (" + report.note() + ").");
        request.redirect("/sync", switch (report.outcome()) {
            case COMPLETED -> total.failed() == 0 ? Flash.success(summary) : Flash.error(summary
                    + " The failed records are listed under Errors.");
            default -> Flash.error(summary);
        });
    }
}
