package dev.tandem.salesforce.bulk;

import dev.tandem.salesforce.write.SaveResult;
import java.util.List;

/**
 * The outcome of a Bulk API 2.0 ingest: per-record results matched to the input by index, and the jobs used
 * (more than one only when the data exceeded one upload).
 */
public record BulkResult(List<BulkJob> jobs, List<SaveResult> results) {
    public BulkResult {
        jobs = List.copyOf(jobs);
        results = List.copyOf(results);
    }

    public List<String> jobIds() {
        return jobs.stream().map(BulkJob::id).toList();
    }

    public long failedCount() {
        return results.stream().filter(r -> !r.success()).count();
    }
}
