package dev.tandem.salesforce.write;

import dev.tandem.salesforce.error.SalesforceException;
import java.util.List;

/**
 * A write stopped part-way (typically by the API limit): the failure of the request that stopped it, plus the
 * results of the records written before. Records not listed in {@link #completed()} were not applied, except
 * those of a {@link #pendingBulkJobId() pending Bulk API job}.
 */
public final class PartialWriteException extends SalesforceException {
    private final transient List<SaveResult> completed;
    private final String pendingBulkJobId;

    public PartialWriteException(SalesforceException cause, List<SaveResult> completed) {
        this(cause, completed, null);
    }

    /** @param pendingBulkJobId a Bulk API job already handed to Salesforce when the failure happened, or null */
    public PartialWriteException(SalesforceException cause, List<SaveResult> completed, String pendingBulkJobId) {
        super(cause);
        this.completed = List.copyOf(completed);
        this.pendingBulkJobId = pendingBulkJobId;
    }

    /**
     * The Bulk API job that was submitted (upload complete) before the stop and may still be processed by
     * Salesforce; its records must not be sent again before its results have been looked at. Null otherwise.
     */
    public String pendingBulkJobId() {
        return pendingBulkJobId;
    }

    /** Results of the records handled before the stop, by input index. */
    public List<SaveResult> completed() {
        return completed;
    }
}
