package dev.tandem.salesforce.bulk;

/** What a Bulk API 2.0 query delivered: its job, result pages fetched and rows handed to the consumer. */
public record BulkQueryStats(String jobId, int pages, long records) {
}
