package dev.tandem.server.sync.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.ErrorCode;
import dev.tandem.server.http.Requests;
import dev.tandem.server.http.Responses;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The sync's run and error resources under {@code /rest/tandem/v1/sync/} (authenticated by the server like every
 * {@code /rest/} route): run a cycle now, page through run reports and errors, retry errors.
 */
public final class SyncRoutes {

    private static final String ROOT = "/rest/tandem/v1/sync";
    private static final int MAX_BATCH = 300;
    private static final int MAX_RETRY_IDS = 1000;

    private final Jdbi jdbi;
    private final RunStore runs;
    private final SyncErrorStore errors;
    private final Requests requests;
    private final Supplier<RunReport> runOnce;
    private final Function<List<Long>, RunReport> retry;
    private final Function<Long, RunReport> reconcile;

    /**
     * @param runOnce runs one cycle and returns its report
     * @param retry     retries the errors with these ids (all open ones when empty) and returns the run's report
     * @param reconcile fully reconciles one linked program now (PERIODIC) and returns the run's report
     */
    public SyncRoutes(Jdbi jdbi, RunStore runs, SyncErrorStore errors, Requests requests, Supplier<RunReport> runOnce,
                      Function<List<Long>, RunReport> retry, Function<Long, RunReport> reconcile) {
        this.jdbi = jdbi;
        this.runs = runs;
        this.errors = errors;
        this.requests = requests;
        this.runOnce = runOnce;
        this.retry = retry;
        this.reconcile = reconcile;
    }

    /** Adds the routes. */
    public void install(Javalin app) {
        app.post(ROOT + "/run.json", ctx -> Responses.ok(ctx, List.of(report(runOnce.get()))));
        app.get(ROOT + "/runs.json", this::listRuns);
        app.get(ROOT + "/errors.json", this::listErrors);
        app.post(ROOT + "/errors/retry.json", this::retryErrors);
        app.post(ROOT + "/reconcile.json", this::reconcileProgram);
    }

    private void listRuns(Context ctx) {
        int batchSize = Requests.intParam(ctx, "batchSize", 50, 1, MAX_BATCH);
        long before = pageToken(ctx);
        List<RunReport> page = jdbi.withHandle(h -> runs.page(h, before, batchSize + 1));
        boolean more = page.size() > batchSize;
        List<RunReport> shown = more ? page.subList(0, batchSize) : page;
        Responses.page(ctx, shown.stream().map(SyncRoutes::report).toList(), more,
                more ? String.valueOf(shown.get(shown.size() - 1).id()) : null);
    }

    private void listErrors(Context ctx) {
        int batchSize = Requests.intParam(ctx, "batchSize", 50, 1, MAX_BATCH);
        String unresolved = Requests.param(ctx, "unresolvedOnly");
        if (unresolved != null && !unresolved.equals("true") && !unresolved.equals("false")) {
            throw ApiException.invalid("unresolvedOnly", "must be true or false");
        }
        boolean openOnly = "true".equals(unresolved);
        long before = pageToken(ctx);
        List<SyncError> page = jdbi.withHandle(h -> errors.page(h, openOnly, before, batchSize + 1));
        boolean more = page.size() > batchSize;
        List<SyncError> shown = more ? page.subList(0, batchSize) : page;
        Responses.page(ctx, shown.stream().map(SyncRoutes::error).toList(), more,
                more ? String.valueOf(shown.get(shown.size() - 1).id()) : null);
    }

    private void retryErrors(Context ctx) {
        JsonNode body = requests.jsonBody(ctx);
        List<Long> ids = new ArrayList<>();
        JsonNode given = body.get("ids");
        if (given != null && !given.isNull()) {
            if (!given.isArray()) {
                throw ApiException.invalid("ids", "must be an array of error ids");
            }
            if (given.size() > MAX_RETRY_IDS) {
                throw ApiException.invalid("ids", "at most " + MAX_RETRY_IDS + " ids per request");
            }
            for (JsonNode id : given) {
                if (!id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() < 1) {
                    throw ApiException.invalid("ids", "'" + id.asText() + "' is not an error id");
                }
                ids.add(id.asLong());
            }
            if (ids.isEmpty()) {
                throw ApiException.invalid("ids", "must not be empty; leave it out to retry every open error");
            }
        }
        Responses.ok(ctx, List.of(report(retry.apply(ids))));
    }

    private void reconcileProgram(Context ctx) {
        JsonNode programId = requests.jsonBody(ctx).get("programId");
        if (programId == null || programId.isNull()) {
            throw ApiException.blank("programId");
        }
        if (!programId.isIntegralNumber() || programId.asLong() < 1) {
            throw ApiException.invalid("programId", "must be a program id");
        }
        RunReport report;
        try {
            report = reconcile.apply(programId.asLong());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ApiException(ErrorCode.BUSINESS_RULE_VIOLATION, e.getMessage());
        }
        Responses.ok(ctx, List.of(report(report)));
    }

    private static long pageToken(Context ctx) {
        String token = Requests.param(ctx, "nextPageToken");
        if (token == null || token.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            long id = Long.parseLong(token);
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.invalid("nextPageToken", "is not a token returned by this resource");
        }
    }

    /** The JSON form of a run report. */
    public static Map<String, Object> report(RunReport r) {
        Map<String, Object> operations = new LinkedHashMap<>();
        for (Operation op : Operation.values()) {
            OperationCounts c = r.operations().get(op);
            if (c != null) {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("new", c.created());
                counts.put("updated", c.updated());
                counts.put("removed", c.removed());
                counts.put("failed", c.failed());
                counts.put("skipped", c.skipped());
                counts.put("conflicts", c.conflicts());
                operations.put(op.label(), counts);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("kind", r.kind());
        json.put("startedAt", r.startedAt() == null ? null : r.startedAt().toString());
        json.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        json.put("outcome", r.outcome().name());
        json.put("apiCalls", r.apiCalls());
        json.put("note", r.note());
        json.put("operations", operations);
        return json;
    }

    /** The JSON form of a sync error. */
    public static Map<String, Object> error(SyncError e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("runId", e.runId());
        json.put("operation", e.operation().label());
        json.put("programId", e.programId());
        json.put("personId", e.personId());
        json.put("sfRecordId", e.sfRecordId());
        json.put("errorCode", e.errorCode());
        json.put("statusCode", e.statusCode());
        json.put("message", e.message());
        json.put("fields", e.fields());
        json.put("occurredAt", e.occurredAt().toString());
        json.put("attempts", e.attempts());
        json.put("resolvedAt", e.resolvedAt() == null ? null : e.resolvedAt().toString());
        json.put("retryable", e.isOpen());
        return json;
    }
}
