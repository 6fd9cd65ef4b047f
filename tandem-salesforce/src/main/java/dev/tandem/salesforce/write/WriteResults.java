package dev.tandem.salesforce.write;

import java.util.List;

/**
 * Per-record results of a write (index-aligned with the input) and how it was carried out.
 *
 * @param bulkJobIds the Bulk API 2.0 jobs used (empty for collections)
 */
public record WriteResults(List<SaveResult> results, Route route, List<String> bulkJobIds) {
    public WriteResults {
        results = List.copyOf(results);
        bulkJobIds = List.copyOf(bulkJobIds);
    }

    /** The API used for a write. */
    public enum Route { COLLECTIONS, BULK }

    public List<SaveResult> failures() {
        return results.stream().filter(r -> !r.success()).toList();
    }

    public long successCount() {
        return results.stream().filter(SaveResult::success).count();
    }
}
