package dev.tandem.server.sync.push;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.write.PartialWriteException;
import dev.tandem.salesforce.write.SaveResult;
import dev.tandem.salesforce.write.WriteOperation;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one multi-record write: the per-record results Salesforce returned (index-aligned with the
 * input, possibly fewer than the input when the write stopped part-way) and the failure that stopped it.
 */
public record SalesforceWrite(List<SaveResult> results, SalesforceException stoppedBy) {

    /** Writes the records (Collections or Bulk 2.0, the client picks) and never throws a Salesforce failure. */
    public static SalesforceWrite run(SalesforceClient client, WriteOperation op, String type,
                                      List<? extends Map<String, ?>> records) {
        if (records.isEmpty()) {
            return new SalesforceWrite(List.of(), null);
        }
        try {
            return new SalesforceWrite(client.write(op, type, records).results(), null);
        } catch (PartialWriteException e) {
            return new SalesforceWrite(e.completed(), e);
        } catch (SalesforceException e) {
            return new SalesforceWrite(List.of(), e);
        }
    }

    /** The result of input record {@code index}, or null when the write stopped before it. */
    public SaveResult result(int index) {
        return index < results.size() ? results.get(index) : null;
    }
}
