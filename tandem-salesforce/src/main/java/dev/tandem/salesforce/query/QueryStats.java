package dev.tandem.salesforce.query;

/** What a paged query delivered: pages fetched (one API call each) and records handed to the consumer. */
public record QueryStats(int pages, long records, long totalSize) {
}
