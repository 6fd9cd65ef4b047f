package dev.tandem.salesforce.bulk;

import dev.tandem.salesforce.error.ApiError;
import dev.tandem.salesforce.error.ErrorCodes;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.http.ApiCall;
import dev.tandem.salesforce.http.Transport;
import dev.tandem.salesforce.query.Identifiers;
import dev.tandem.salesforce.write.PartialWriteException;
import dev.tandem.salesforce.write.RecordError;
import dev.tandem.salesforce.write.RecordValues;
import dev.tandem.salesforce.write.SaveResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Bulk API 2.0 ingest: create job, upload CSV, mark UploadComplete, poll until finished, fetch only the result
 * sets that can be non-empty. The API calls are therefore constant per job, whatever the record count.
 * Results carry no input position, so rows are matched back to the input by their echoed column values.
 */
public final class BulkIngest {
    private final Transport transport;
    private final String dataPath;
    private final JobPoller poller;
    private final long maxUploadBytes;

    public BulkIngest(Transport transport, String dataPath, JobPoller poller, long maxUploadBytes) {
        this.transport = transport;
        this.dataPath = dataPath;
        this.poller = poller;
        this.maxUploadBytes = maxUploadBytes;
    }

    public BulkResult ingest(BulkOperation op, String type, List<? extends Map<String, ?>> records,
                             String externalIdField) {
        Identifiers.object(type);
        if (op == BulkOperation.UPSERT) {
            Identifiers.field(externalIdField);
        }
        List<Map<String, Object>> prepared = RecordValues.prepare(op.asWrite(), records, externalIdField);
        List<String> header = header(op, prepared);
        List<List<String>> rows = new ArrayList<>(prepared.size());
        for (Map<String, Object> r : prepared) {
            rows.add(cells(header, r));
        }
        SaveResult[] results = new SaveResult[prepared.size()];
        List<BulkJob> jobs = new ArrayList<>();
        for (int from = 0; from < rows.size(); ) {
            int to = partEnd(header, rows, from);
            try {
                jobs.add(runJob(op, type, externalIdField, header, rows, from, to, results));
            } catch (PendingJobFailure e) {
                throw new PartialWriteException(e.cause, completed(results), e.jobId);
            } catch (SalesforceException e) {
                throw new PartialWriteException(e, completed(results));
            }
            from = to;
        }
        List<SaveResult> out = new ArrayList<>(results.length);
        for (int i = 0; i < results.length; i++) {
            out.add(results[i] != null ? results[i] : new SaveResult(i, null, false, false,
                    List.of(new RecordError(ErrorCodes.UNEXPECTED_RESPONSE,
                            "the Bulk API reported no result for this record", List.of()))));
        }
        return new BulkResult(jobs, out);
    }

    /** Delete jobs carry only Id; other jobs every field any record sets, in order of first appearance. */
    private static List<String> header(BulkOperation op, List<Map<String, Object>> records) {
        if (op == BulkOperation.DELETE || op == BulkOperation.HARD_DELETE) {
            return List.of("Id");
        }
        Set<String> columns = new LinkedHashSet<>();
        records.forEach(r -> columns.addAll(r.keySet()));
        return List.copyOf(columns);
    }

    private static List<String> cells(List<String> header, Map<String, Object> record) {
        List<String> row = new ArrayList<>(header.size());
        for (String column : header) {
            row.add(record.containsKey(column) ? RecordValues.csvCell(record.get(column)) : "");
        }
        return row;
    }

    /** Rows [from, end) stay within one upload's size limit. */
    private int partEnd(List<String> header, List<List<String>> rows, int from) {
        long bytes = String.join(",", header).length() + 1;
        int i = from;
        while (i < rows.size()) {
            long rowBytes = 0;
            for (String cell : rows.get(i)) {
                rowBytes += cell.getBytes(StandardCharsets.UTF_8).length * 2L + 3;
            }
            if (i > from && bytes + rowBytes > maxUploadBytes) {
                break;
            }
            bytes += rowBytes;
            i++;
        }
        return i;
    }

    private BulkJob runJob(BulkOperation op, String type, String extId, List<String> header, List<List<String>> rows,
                           int from, int to, SaveResult[] results) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("object", type);
        create.put("operation", op.wire());
        if (op == BulkOperation.UPSERT) {
            create.put("externalIdFieldName", extId);
        }
        create.put("contentType", "CSV");
        create.put("columnDelimiter", "COMMA");
        create.put("lineEnding", "LF");
        String base = dataPath + "/jobs/ingest";
        String jobId = transport.send(ApiCall.json("POST", "jobs/ingest", base, create)).json().path("id").asText();
        if (jobId.isEmpty()) {
            throw new SalesforceException(0, new ApiError(ErrorCodes.UNEXPECTED_RESPONSE,
                    "Bulk API job creation returned no id", List.of()));
        }
        String jobPath = base + "/" + Identifiers.recordId(jobId);
        transport.send(ApiCall.csv("PUT", "jobs/ingest/batches", jobPath + "/batches",
                BulkCsv.write(header, rows.subList(from, to))));
        try {
            transport.send(ApiCall.json("PATCH", "jobs/ingest", jobPath, Map.of("state", "UploadComplete")));
            BulkJob job = poller.await(() -> BulkJob.of(transport.send(ApiCall.get("jobs/ingest", jobPath)).json()));
            collectResults(op, extId, job, jobPath, header, rows, from, to, results);
            return job;
        } catch (SalesforceException e) {
            // From UploadComplete on, Salesforce may process the job whatever happens to this client.
            throw new PendingJobFailure(jobId, e);
        }
    }

    private void collectResults(BulkOperation op, String extId, BulkJob job, String jobPath, List<String> header,
                                List<List<String>> rows, int from, int to, SaveResult[] results) {
        String jobId = job.id();
        int count = to - from;
        Matcher matcher = new Matcher(header, extId, rows, from, to);
        long failed = job.numberRecordsFailed();
        long succeeded = job.numberRecordsProcessed() - failed;
        if (succeeded > 0) {
            for (Map<String, String> row : fetch(jobPath + "/successfulResults")) {
                int index = matcher.take(row);
                if (index >= 0) {
                    // A successful insert created its record by definition; only upserts need the cell.
                    boolean created = op == BulkOperation.INSERT || "true".equalsIgnoreCase(row.get("sf__Created"));
                    results[index] = new SaveResult(index, emptyToNull(row.get("sf__Id")), true, created, List.of());
                }
            }
        }
        if (failed > 0) {
            for (Map<String, String> row : fetch(jobPath + "/failedResults")) {
                int index = matcher.take(row);
                if (index >= 0) {
                    results[index] = new SaveResult(index, emptyToNull(row.get("sf__Id")), false, false,
                            List.of(BulkErrors.parse(row.get("sf__Error"))));
                }
            }
        }
        if (job.numberRecordsProcessed() < count) {
            for (Map<String, String> row : fetch(jobPath + "/unprocessedrecords")) {
                int index = matcher.take(row);
                if (index >= 0) {
                    results[index] = new SaveResult(index, null, false, false, List.of(new RecordError(
                            ErrorCodes.BULK_UNPROCESSED, "job " + jobId + " ended " + job.state()
                            + " before processing this record"
                            + (job.errorMessage() == null ? "" : ": " + job.errorMessage()), List.of())));
                }
            }
        }
    }

    private static List<SaveResult> completed(SaveResult[] results) {
        return Arrays.stream(results).filter(Objects::nonNull).toList();
    }

    /** A failure after a job was submitted, carrying the job id out of {@link #runJob}. */
    private static final class PendingJobFailure extends RuntimeException {
        private final String jobId;
        private final SalesforceException cause;

        PendingJobFailure(String jobId, SalesforceException cause) {
            super(cause);
            this.jobId = jobId;
            this.cause = cause;
        }
    }

    private List<Map<String, String>> fetch(String path) {
        ApiCall call = new ApiCall("GET", path, Map.of("Accept", "text/csv"), null, "jobs/ingest/results", true, true);
        return BulkCsv.read(transport.send(call).text());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * Matches result rows to input rows by echoed columns: the record Id when the job has one, else the external
     * id of an upsert, else the whole row. Fewer columns leave less room for Salesforce re-formatting a value;
     * duplicate keys are taken in input order.
     */
    private static final class Matcher {
        private final List<String> keyColumns;
        private final Map<List<String>, Deque<Integer>> byKey = new HashMap<>();

        Matcher(List<String> header, String externalIdField, List<List<String>> rows, int from, int to) {
            List<Integer> positions = keyPositions(header, externalIdField);
            this.keyColumns = positions.stream().map(header::get).toList();
            for (int i = from; i < to; i++) {
                List<String> row = rows.get(i);
                byKey.computeIfAbsent(positions.stream().map(row::get).toList(), k -> new ArrayDeque<>()).add(i);
            }
        }

        private static List<Integer> keyPositions(List<String> header, String externalIdField) {
            for (String preferred : new String[] {"Id", externalIdField}) {
                for (int c = 0; preferred != null && c < header.size(); c++) {
                    if (header.get(c).equalsIgnoreCase(preferred)) {
                        return List.of(c);
                    }
                }
            }
            return IntStream.range(0, header.size()).boxed().toList();
        }

        int take(Map<String, String> resultRow) {
            List<String> key = new ArrayList<>(keyColumns.size());
            for (String column : keyColumns) {
                String v = resultRow.get(column);
                key.add(v == null ? "" : v);
            }
            Deque<Integer> indices = byKey.get(key);
            return indices == null || indices.isEmpty() ? -1 : indices.poll();
        }
    }
}
