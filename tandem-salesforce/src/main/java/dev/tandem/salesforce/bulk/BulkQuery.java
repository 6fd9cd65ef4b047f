package dev.tandem.salesforce.bulk;

import dev.tandem.salesforce.error.ApiError;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.http.ApiCall;
import dev.tandem.salesforce.http.ApiResponse;
import dev.tandem.salesforce.http.Transport;
import dev.tandem.salesforce.query.Identifiers;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Bulk API 2.0 query: create the job, poll until complete, then read the CSV results page by page following the
 * {@code Sforce-Locator} header until it is the literal {@code null}.
 */
public final class BulkQuery {
    private final Transport transport;
    private final String dataPath;
    private final JobPoller poller;

    public BulkQuery(Transport transport, String dataPath, JobPoller poller) {
        this.transport = transport;
        this.dataPath = dataPath;
        this.poller = poller;
    }

    /**
     * Runs the query and hands each result page to {@code consumer}. Values are text as in the CSV; empty cells
     * are null.
     *
     * @param maxRecordsPerPage rows per results page, or 0 to let Salesforce choose
     */
    public BulkQueryStats query(Soql soql, boolean includeDeleted, int maxRecordsPerPage,
                                Consumer<List<SObject>> consumer) {
        if (maxRecordsPerPage < 0) {
            throw new IllegalArgumentException("maxRecordsPerPage must be 0 or positive, was " + maxRecordsPerPage);
        }
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("operation", includeDeleted ? "queryAll" : "query");
        create.put("query", soql.text());
        create.put("contentType", "CSV");
        create.put("columnDelimiter", "COMMA");
        create.put("lineEnding", "LF");
        String base = dataPath + "/jobs/query";
        String jobId = transport.send(ApiCall.json("POST", "jobs/query", base, create)).json().path("id").asText();
        String jobPath = base + "/" + Identifiers.recordId(jobId);
        BulkJob job = poller.await(() -> BulkJob.of(transport.send(ApiCall.get("jobs/query", jobPath)).json()));
        if (!job.state().equals("JobComplete")) {
            throw new SalesforceException(0, new ApiError(
                    "BULK_QUERY_" + job.state().toUpperCase(Locale.ROOT), "Bulk API query job " + jobId
                    + " ended " + job.state() + (job.errorMessage() == null ? "" : ": " + job.errorMessage()),
                    List.of()));
        }
        String locator = null;
        int pages = 0;
        long records = 0;
        do {
            StringBuilder url = new StringBuilder(jobPath).append("/results");
            String sep = "?";
            if (maxRecordsPerPage > 0) {
                url.append(sep).append("maxRecords=").append(maxRecordsPerPage);
                sep = "&";
            }
            if (locator != null) {
                url.append(sep).append("locator=").append(URLEncoder.encode(locator, StandardCharsets.UTF_8));
            }
            ApiResponse page = transport.send(new ApiCall("GET", url.toString(), Map.of("Accept", "text/csv"), null,
                    "jobs/query/results", true, true));
            List<SObject> rows = new ArrayList<>();
            for (Map<String, String> row : BulkCsv.read(page.text())) {
                Map<String, Object> fields = new LinkedHashMap<>();
                row.forEach((k, v) -> fields.put(k, v.isEmpty() ? null : v));
                rows.add(SObject.of(soql.object(), fields));
            }
            pages++;
            records += rows.size();
            consumer.accept(rows);
            // The last page says "null"; a missing header is treated the same so a lax server cannot loop us.
            locator = page.header("Sforce-Locator").filter(l -> !l.isBlank() && !l.equals("null")).orElse(null);
        } while (locator != null);
        return new BulkQueryStats(jobId, pages, records);
    }
}
