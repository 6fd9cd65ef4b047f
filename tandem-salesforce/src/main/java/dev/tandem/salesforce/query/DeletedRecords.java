package dev.tandem.salesforce.query;

import java.time.Instant;
import java.util.List;

/**
 * Records deleted in a window ({@code getDeleted}); {@code earliestDateAvailable} is where Salesforce's delete
 * log begins, and the next poll must start at {@code latestDateCovered}.
 */
public record DeletedRecords(List<Deleted> records, Instant earliestDateAvailable, Instant latestDateCovered) {
    public DeletedRecords {
        records = List.copyOf(records);
    }

    /** One deleted record. */
    public record Deleted(String id, Instant deletedDate) {
    }
}
