package dev.tandem.server.sync.runs;

import java.time.Instant;
import java.util.List;

/**
 * A record that failed to sync, with Salesforce's error. It stays open (retryable) until the record goes
 * through; {@code attempts} counts the failures.
 *
 * @param sfRecordId the Salesforce record concerned (CampaignMember, Lead…), when known
 * @param statusCode the HTTP status of a request-level failure, null for a per-record result
 */
public record SyncError(Long id, Long runId, Operation operation, Long programId, Long personId, String sfRecordId,
                        String errorCode, String statusCode, String message, List<String> fields,
                        Instant occurredAt, int attempts, Instant resolvedAt) {

    public SyncError {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** A new failure to record. */
    public static SyncError of(Operation operation, Long programId, Long personId, String sfRecordId, String errorCode,
                               String statusCode, String message, List<String> fields, Instant at) {
        return new SyncError(null, null, operation, programId, personId, sfRecordId, errorCode, statusCode, message,
                fields, at, 1, null);
    }

    /** Whether the error still needs attention. */
    public boolean isOpen() {
        return resolvedAt == null;
    }
}
