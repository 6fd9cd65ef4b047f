package dev.tandem.salesforce.write;

import dev.tandem.salesforce.error.ErrorCodes;
import java.util.List;

/** Why one record of a write failed, as Salesforce reports it ({@code statusCode}, message, fields). */
public record RecordError(String statusCode, String message, List<String> fields) {
    public RecordError {
        statusCode = statusCode == null ? "UNKNOWN" : statusCode;
        message = message == null ? "" : message;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** The record no longer exists (deleted, never existed): NOT_FOUND, ENTITY_IS_DELETED, INVALID_CROSS_REFERENCE_KEY. */
    public boolean isRecordGone() {
        return ErrorCodes.isRecordGone(statusCode);
    }

    /** The failure is transient (e.g. UNABLE_TO_LOCK_ROW): the same record may succeed later. */
    public boolean isTransient() {
        return ErrorCodes.isTransient(statusCode);
    }

    /** Salesforce's filler on the innocent records of a rolled-back all-or-none request. */
    public boolean isRollback() {
        return statusCode.equals("ALL_OR_NONE_OPERATION_ROLLED_BACK") || statusCode.equals("PROCESSING_HALTED");
    }
}
