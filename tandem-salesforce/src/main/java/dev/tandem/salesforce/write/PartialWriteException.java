package dev.tandem.salesforce.write;

import dev.tandem.salesforce.error.SalesforceException;
import java.util.List;

/**
 * A write stopped part-way (typically by the API limit): the failure of the request that stopped it, plus the
 * results of the records written before. Records not listed in {@link #completed()} were not sent.
 */
public final class PartialWriteException extends SalesforceException {
    private final transient List<SaveResult> completed;

    public PartialWriteException(SalesforceException cause, List<SaveResult> completed) {
        super(cause);
        this.completed = List.copyOf(completed);
    }

    /** Results of the records handled before the stop, by input index. */
    public List<SaveResult> completed() {
        return completed;
    }
}
