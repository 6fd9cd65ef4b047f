package dev.tandem.server.console;

import dev.tandem.server.console.auth.Flash;
import dev.tandem.server.console.view.ConsoleQueries;
import dev.tandem.server.console.web.ConsoleRequest;
import dev.tandem.server.console.web.ConsoleRouter;
import dev.tandem.server.console.web.Forms;
import dev.tandem.server.sync.runs.RunOutcome;
import dev.tandem.server.sync.runs.RunReport;
import dev.tandem.server.sync.runs.SyncError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records the sync could not exchange, each with Salesforce's own code and message, and retry of one or all.
 * Nothing is dropped: an error stays listed until a later exchange of the same record succeeds.
 */
final class ErrorsPage {
    static final int ERRORS_PER_PAGE = 50;

    private final FlowServices flow;
    private final ConsoleQueries queries;

    ErrorsPage(FlowServices flow, ConsoleQueries queries) {
        this.flow = flow;
        this.queries = queries;
    }

    void install(ConsoleRouter router) {
        router.page("/sync/errors", this::show);
        router.action("/sync/errors/retry", this::retryAll);
        router.action("/sync/errors/{errorId}/retry", this::retryOne);
    }

    private void show(ConsoleRequest request) {
        boolean all = "all".equals(request.query("show"));
        String before = request.query("before");
        long beforeId = before == null ? Long.MAX_VALUE : Forms.requiredLong("before", before);
        List<SyncError> errors = flow.errors(!all, beforeId, ERRORS_PER_PAGE + 1);
        boolean more = errors.size() > ERRORS_PER_PAGE;
        List<SyncError> shown = more ? errors.subList(0, ERRORS_PER_PAGE) : errors;
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("errors", shown);
        model.put("all", all);
        model.put("openCount", flow.openErrorCount());
        model.put("programNames", queries.programNames(shown.stream().map(SyncError::programId)
                .filter(Objects::nonNull).distinct().toList()));
        model.put("nextUrl", more ? "/sync/errors?" + (all ? "show=all&" : "") + "before="
                + shown.get(shown.size() - 1).id() : null);
        request.render("errors.jte", "Sync errors", "errors", model);
    }

    private void retryAll(ConsoleRequest request) {
        long open = flow.openErrorCount();
        RunReport report = flow.retry(List.of());
        request.redirect("/sync/errors", outcome(report, "Retried " + open + " open errors"));
    }

    private void retryOne(ConsoleRequest request) {
        long id = request.pathId("errorId");
        RunReport report = flow.retry(List.of(id));
        request.redirect("/sync/errors", outcome(report, "Retried error " + id));
    }

    private Flash outcome(RunReport report, String what) {
        long stillOpen = flow.openErrorCount();
        String text = what + ": run " + report.id() + " " + report.outcome().name().toLowerCase().replace('_', ' ')
                + ", " + report.total().failed() + " failed again; " + stillOpen + " errors remain open"
                + (report.note() == null || report.note().isBlank() ? "." : " (" + report.note() + ").");
        return report.total().failed() == 0 && report.outcome() == RunOutcome.COMPLETED
                ? Flash.success(text) : Flash.error(text);
    }
}
