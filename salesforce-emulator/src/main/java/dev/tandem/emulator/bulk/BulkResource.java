package dev.tandem.emulator.bulk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.emulator.error.ApiException;
import dev.tandem.emulator.http.ApiRequest;
import dev.tandem.emulator.http.ApiResponse;
import dev.tandem.emulator.http.Json;
import dev.tandem.emulator.ids.IdGenerator;
import dev.tandem.emulator.rest.Context;
import dev.tandem.emulator.rest.RestApi;
import dev.tandem.emulator.schema.Values;
import dev.tandem.emulator.soql.Ast;
import dev.tandem.emulator.soql.Parser;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** Bulk API 2.0: /jobs/ingest and /jobs/query, processed asynchronously on a worker thread. */
public final class BulkResource {
    private static final Set<String> OPERATIONS = Set.of("insert", "update", "upsert", "delete", "hardDelete");

    private final Context ctx;
    private final ScheduledExecutorService worker;
    private final IngestProcessor processor;
    private final AtomicLong counter = new AtomicLong(1_000_000_000L);
    private final Map<String, IngestJob> ingest = new ConcurrentHashMap<>();
    private final Map<String, QueryJob> queries = new ConcurrentHashMap<>();

    public BulkResource(Context ctx, ScheduledExecutorService worker) {
        this.ctx = ctx;
        this.worker = worker;
        this.processor = new IngestProcessor(ctx);
    }

    /** Forgets every job (control-plane reset). */
    public void clear() {
        ingest.clear();
        queries.clear();
    }

    public ApiResponse handle(ApiRequest req) {
        List<String> s = req.segments();
        if (s.size() < 2) {
            throw ApiException.notFound();
        }
        return switch (s.get(1)) {
            case "ingest" -> ingest(req, s);
            case "query" -> query(req, s);
            default -> throw ApiException.notFound();
        };
    }

    private ApiResponse ingest(ApiRequest req, List<String> s) {
        String m = req.method();
        if (s.size() == 2) {
            RestApi.allow(m, "GET", "POST");
            if (m.equals("GET")) {
                return jobList(ingest.values().stream().map(this::info));
            }
            return ApiResponse.json(200, info(createIngest(req)));
        }
        IngestJob job = ingest.get(s.get(2));
        if (job == null) {
            throw ApiException.notFound();
        }
        if (s.size() == 3) {
            RestApi.allow(m, "GET", "PATCH", "DELETE");
            switch (m) {
                case "GET":
                    return ApiResponse.json(200, info(job));
                case "PATCH":
                    return ApiResponse.json(200, changeState(job, Json.parseObject(req.body())
                            .path("state").asText("")));
                default:
                    if (!job.isTerminal() && !job.state.equals("Open")) {
                        throw ApiException.badRequest("API_ERROR", "Job is still being processed; abort it first");
                    }
                    ingest.remove(job.id);
                    return ApiResponse.noContent();
            }
        }
        switch (s.get(3)) {
            case "batches":
                RestApi.allow(m, "PUT");
                if (!job.state.equals("Open") || job.csv != null) {
                    throw ApiException.badRequest("INVALIDJOBSTATE", "Job " + job.id
                            + " is not open for data upload; a job takes one upload");
                }
                job.csv = new String(req.body(), StandardCharsets.UTF_8);
                return ApiResponse.empty(201);
            case "successfulResults":
                RestApi.allow(m, "GET");
                return results(job, List.of("sf__Id", "sf__Created"), job.successful);
            case "failedResults":
                RestApi.allow(m, "GET");
                return results(job, List.of("sf__Id", "sf__Error"), job.failures);
            case "unprocessedrecords":
                RestApi.allow(m, "GET");
                return results(job, List.of(), job.unprocessed);
            default:
                throw ApiException.notFound();
        }
    }

    private IngestJob createIngest(ApiRequest req) {
        ObjectNode body = Json.parseObject(req.body());
        String object = body.path("object").asText(null);
        String operation = body.path("operation").asText(null);
        if (object == null || ctx.org().schema().object(object) == null) {
            throw ApiException.badRequest("NOT_FOUND", "Entity '" + object + "' is not supported by the Bulk API.");
        }
        if (operation == null || !OPERATIONS.contains(operation)) {
            throw ApiException.badRequest("INVALIDJOB", "InvalidJob : Invalid operation: " + operation);
        }
        String ext = body.path("externalIdFieldName").asText(null);
        if (operation.equals("upsert") && ext == null) {
            throw ApiException.badRequest("INVALIDJOB", "InvalidJob : External ID was blank for " + object
                    + ". An External ID must be specified for upsert.");
        }
        String delimiter = body.path("columnDelimiter").asText("COMMA");
        if (CsvText.delimiter(delimiter) == 0) {
            throw ApiException.badRequest("INVALIDJOB", "InvalidJob : Invalid columnDelimiter: " + delimiter);
        }
        String contentType = body.path("contentType").asText("CSV");
        if (!contentType.equals("CSV")) {
            throw ApiException.badRequest("INVALIDJOB", "InvalidJob : Invalid contentType: " + contentType);
        }
        String id = IdGenerator.forCounter("750", counter.incrementAndGet());
        IngestJob job = new IngestJob(id, ctx.org().schema().object(object).name(), operation, ext, delimiter,
                body.path("lineEnding").asText("LF"), req.principal(), req.version(), ctx.org().clock().nowSeconds());
        ingest.put(id, job);
        return job;
    }

    /** Moves a job to a new state and returns its info as of that moment (before any processing starts). */
    private ObjectNode changeState(IngestJob job, String state) {
        switch (state) {
            case "UploadComplete":
                if (!job.state.equals("Open")) {
                    throw ApiException.badRequest("INVALIDJOBSTATE", "Job " + job.id + " is not open");
                }
                job.state = "UploadComplete";
                job.systemModstamp = ctx.org().clock().nowSeconds();
                ObjectNode snapshot = info(job);
                worker.schedule(() -> processor.process(job), ctx.config().bulkProcessingDelay().toMillis(),
                        TimeUnit.MILLISECONDS);
                return snapshot;
            case "Aborted":
                if (job.isTerminal()) {
                    throw ApiException.badRequest("INVALIDJOBSTATE", "Job " + job.id + " is already " + job.state);
                }
                job.state = "Aborted";
                job.systemModstamp = ctx.org().clock().nowSeconds();
                return info(job);
            default:
                throw ApiException.badRequest("INVALIDJOBSTATE", "Invalid state: " + state);
        }
    }

    private ObjectNode info(IngestJob j) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", j.id);
        n.put("operation", j.operation);
        n.put("object", j.object);
        n.put("createdById", j.principal.userId());
        n.put("createdDate", Values.formatDateTime(j.createdDate));
        n.put("systemModstamp", Values.formatDateTime(j.systemModstamp));
        n.put("state", j.state);
        if (j.externalIdFieldName != null) {
            n.put("externalIdFieldName", j.externalIdFieldName);
        }
        n.put("concurrencyMode", "Parallel");
        n.put("contentType", "CSV");
        n.put("apiVersion", Double.parseDouble(j.version.substring(1)));
        n.put("contentUrl", "services/data/" + j.version + "/jobs/ingest/" + j.id + "/batches");
        n.put("lineEnding", j.lineEnding);
        n.put("columnDelimiter", j.columnDelimiter);
        n.put("jobType", "V2Ingest");
        n.put("numberRecordsProcessed", j.processed);
        n.put("numberRecordsFailed", j.failed);
        n.put("retries", 0);
        n.put("totalProcessingTime", j.processingMillis);
        n.put("apiActiveProcessingTime", j.processingMillis);
        n.put("apexProcessingTime", 0);
        if (j.errorMessage != null) {
            n.put("errorMessage", j.errorMessage);
        }
        return n;
    }

    private ApiResponse results(IngestJob job, List<String> leading, List<List<String>> rows) {
        if (!job.isTerminal()) {
            throw ApiException.badRequest("INVALIDJOBSTATE", "Job " + job.id + " has not finished processing");
        }
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(leading);
        header.addAll(job.header);
        sb.append(CsvText.line(header, job.delimiter, job.newline()));
        synchronized (job) {
            for (List<String> r : rows) {
                sb.append(CsvText.line(r, job.delimiter, job.newline()));
            }
        }
        return ApiResponse.csv(200, sb.toString());
    }

    /** The jobs of one kind, in the single-page list shape Salesforce answers with. */
    private static ApiResponse jobList(Stream<ObjectNode> infos) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("done", true);
        ArrayNode records = out.putArray("records");
        infos.forEach(records::add);
        out.putNull("nextRecordsUrl");
        return ApiResponse.json(200, out);
    }

    private ApiResponse query(ApiRequest req, List<String> s) {
        String m = req.method();
        if (s.size() == 2) {
            RestApi.allow(m, "GET", "POST");
            if (m.equals("GET")) {
                return jobList(queries.values().stream().map(this::info));
            }
            return ApiResponse.json(200, info(createQuery(req)));
        }
        QueryJob job = queries.get(s.get(2));
        if (job == null) {
            throw ApiException.notFound();
        }
        if (s.size() == 3) {
            RestApi.allow(m, "GET", "PATCH", "DELETE");
            switch (m) {
                case "GET":
                    return ApiResponse.json(200, info(job));
                case "PATCH":
                    String state = Json.parseObject(req.body()).path("state").asText("");
                    if (!state.equals("Aborted")) {
                        throw ApiException.badRequest("INVALIDJOBSTATE", "Invalid state: " + state);
                    }
                    if (job.state.equals("JobComplete") || job.state.equals("Aborted")) {
                        throw ApiException.badRequest("INVALIDJOBSTATE", "Job " + job.id + " is already "
                                + job.state);
                    }
                    job.state = "Aborted";
                    return ApiResponse.json(200, info(job));
                default:
                    queries.remove(job.id);
                    return ApiResponse.noContent();
            }
        }
        if (s.size() == 4 && s.get(3).equals("results")) {
            RestApi.allow(m, "GET");
            return queryResults(req, job);
        }
        throw ApiException.notFound();
    }

    private QueryJob createQuery(ApiRequest req) {
        ObjectNode body = Json.parseObject(req.body());
        String operation = body.path("operation").asText("query");
        if (!operation.equals("query") && !operation.equals("queryAll")) {
            throw ApiException.badRequest("INVALIDJOB", "InvalidJob : Invalid operation: " + operation);
        }
        String soql = body.path("query").asText(null);
        if (soql == null) {
            throw ApiException.badRequest("INVALIDJOB", "InvalidJob : a query is required");
        }
        Ast.Query q = Parser.parse(soql, ctx.org().schema(), LocalDate.ofInstant(ctx.org().clock().now(),
                ZoneOffset.UTC));
        if (q.countOnly() || q.isAggregate() || q.hasSubquery() || q.offset() != null) {
            throw ApiException.badRequest("FeatureNotEnabled", "FeatureNotEnabled : Bulk API 2.0 query does not"
                    + " support aggregates, COUNT(), OFFSET or nested queries");
        }
        String delimiter = body.path("columnDelimiter").asText("COMMA");
        if (CsvText.delimiter(delimiter) == 0) {
            throw ApiException.badRequest("INVALIDJOB", "InvalidJob : Invalid columnDelimiter: " + delimiter);
        }
        String id = IdGenerator.forCounter("750", counter.incrementAndGet());
        QueryJob job = new QueryJob(id, operation, soql, q, delimiter, body.path("lineEnding").asText("LF"),
                req.principal(), req.version(), ctx.org().clock().nowSeconds());
        queries.put(id, job);
        worker.schedule(() -> runQuery(job), ctx.config().bulkProcessingDelay().toMillis(), TimeUnit.MILLISECONDS);
        return job;
    }

    private void runQuery(QueryJob job) {
        if (job.state.equals("Aborted")) {
            return;
        }
        job.state = "InProgress";
        long started = System.currentTimeMillis();
        ctx.read(() -> {
            List<List<String>> rows = new ArrayList<>();
            ctx.engine().select(job.query, job.operation.equals("queryAll"))
                    .forEach(r -> rows.add(ctx.engine().csvRow(job.query, r)));
            job.header = ctx.engine().csvHeader(job.query);
            job.rows = rows;
            return null;
        });
        job.processingMillis = System.currentTimeMillis() - started;
        job.systemModstamp = ctx.org().clock().nowSeconds();
        job.state = "JobComplete";
    }

    private ObjectNode info(QueryJob j) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", j.id);
        n.put("operation", j.operation);
        n.put("object", j.query.from().name());
        n.put("createdById", j.principal.userId());
        n.put("createdDate", Values.formatDateTime(j.createdDate));
        n.put("systemModstamp", Values.formatDateTime(j.systemModstamp));
        n.put("state", j.state);
        n.put("concurrencyMode", "Parallel");
        n.put("contentType", "CSV");
        n.put("apiVersion", Double.parseDouble(j.version.substring(1)));
        n.put("lineEnding", j.lineEnding);
        n.put("columnDelimiter", j.columnDelimiter);
        n.put("jobType", "V2Query");
        n.put("isPkChunkingSupported", true);
        n.put("numberRecordsProcessed", j.state.equals("JobComplete") ? j.rows.size() : 0);
        n.put("retries", 0);
        n.put("totalProcessingTime", j.processingMillis);
        return n;
    }

    /** One page of results; the whole result unless maxRecords asks for less (jsforce 3 breaks on several pages). */
    private ApiResponse queryResults(ApiRequest req, QueryJob job) {
        if (!job.state.equals("JobComplete")) {
            throw ApiException.badRequest("INVALIDJOBSTATE", "Job " + job.id + " is not complete: " + job.state);
        }
        int offset = 0;
        String locator = req.param("locator");
        if (locator != null && !locator.isEmpty()) {
            try {
                offset = Integer.parseInt(new String(Base64.getDecoder().decode(locator), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALIDLOCATOR", "Invalid locator: " + locator);
            }
        }
        int max = job.rows.size();
        String maxParam = req.param("maxRecords");
        if (maxParam != null) {
            try {
                max = Integer.parseInt(maxParam);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("INVALIDPARAMETER", "maxRecords must be a positive integer");
            }
            if (max <= 0) {
                throw ApiException.badRequest("INVALIDPARAMETER", "maxRecords must be a positive integer");
            }
        }
        List<List<String>> rows = job.rows;
        int from = Math.min(offset, rows.size());
        int to = (int) Math.min(rows.size(), (long) from + max);
        StringBuilder sb = new StringBuilder(CsvText.line(job.header, job.delimiter, job.newline()));
        for (int i = from; i < to; i++) {
            sb.append(CsvText.line(rows.get(i), job.delimiter, job.newline()));
        }
        String next = to < rows.size()
                ? Base64.getEncoder().withoutPadding().encodeToString(String.valueOf(to).getBytes(StandardCharsets.UTF_8))
                : "null";
        return ApiResponse.csv(200, sb.toString())
                .header("Sforce-NumberOfRecords", String.valueOf(to - from))
                .header("Sforce-Locator", next);
    }
}
