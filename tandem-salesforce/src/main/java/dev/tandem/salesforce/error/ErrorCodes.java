package dev.tandem.salesforce.error;

import java.util.Set;

/** Pure rules over Salesforce error codes: which are transient, which mean "record gone", and their kind. */
public final class ErrorCodes {
    /** Raised by the client itself when Tandem's configured share of the daily limit is used up. */
    public static final String API_BUDGET_EXHAUSTED = "API_BUDGET_EXHAUSTED";
    public static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";
    public static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";
    /** Raised by the client when a connection could not be made or timed out. */
    public static final String CONNECTION_FAILED = "CONNECTION_FAILED";
    /** Raised by the client when Salesforce answered something it could not understand. */
    public static final String UNEXPECTED_RESPONSE = "UNEXPECTED_RESPONSE";

    /** A Bulk API row the job never reached (job failed or aborted); it was not applied. */
    public static final String BULK_UNPROCESSED = "BULK_UNPROCESSED";
    /** A Bulk API job did not finish within the configured time; it may still complete. */
    public static final String BULK_JOB_TIMEOUT = "BULK_JOB_TIMEOUT";

    private static final Set<String> TRANSIENT = Set.of(
            "SERVER_UNAVAILABLE", "UNABLE_TO_LOCK_ROW", "QUERY_TIMEOUT", "UNKNOWN_EXCEPTION", CONNECTION_FAILED,
            BULK_UNPROCESSED, BULK_JOB_TIMEOUT);
    private static final Set<String> GONE = Set.of("NOT_FOUND", "ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY");
    private static final Set<String> LIMIT = Set.of(REQUEST_LIMIT_EXCEEDED, API_BUDGET_EXHAUSTED);
    private static final Set<String> AUTH = Set.of(INVALID_SESSION_ID, "INVALID_AUTH_HEADER",
            "invalid_grant", "invalid_client_id", "invalid_client", "unsupported_grant_type", "invalid_request");
    private static final Set<String> CONFIG = Set.of("INVALID_FIELD", "INVALID_TYPE", "MALFORMED_QUERY",
            "INVALID_FIELD_FOR_INSERT_UPDATE", "INSUFFICIENT_ACCESS_OR_READONLY",
            "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY", "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
            "API_CURRENTLY_DISABLED", "API_DISABLED_FOR_ORG", "METHOD_NOT_ALLOWED", "JSON_PARSER_ERROR",
            "MALFORMED_ID", "INVALID_QUERY_LOCATOR", "INVALID_REPLICATION_DATE", "EXCEEDED_ID_LIMIT",
            "MULTIPLE_CHOICES", UNEXPECTED_RESPONSE);

    private ErrorCodes() {
    }

    /** True for errors that may go away by themselves, so the same request is worth repeating later. */
    public static boolean isTransient(String code) {
        return code != null && TRANSIENT.contains(code);
    }

    /** True when the code means the record no longer exists in Salesforce (deleted, never existed). */
    public static boolean isRecordGone(String code) {
        return code != null && GONE.contains(code);
    }

    /** The kind of a failure from its HTTP status (0 when there was no response) and its code. */
    public static ErrorKind kindOf(int httpStatus, String code) {
        if (code != null) {
            if (LIMIT.contains(code)) {
                return ErrorKind.LIMIT;
            }
            if (AUTH.contains(code)) {
                return ErrorKind.AUTH;
            }
            if (TRANSIENT.contains(code)) {
                return ErrorKind.RETRYABLE;
            }
            if (GONE.contains(code)) {
                return ErrorKind.NOT_FOUND;
            }
            if (CONFIG.contains(code)) {
                return ErrorKind.CONFIG;
            }
        }
        if (httpStatus >= 500) {
            return ErrorKind.RETRYABLE;
        }
        if (httpStatus == 401) {
            return ErrorKind.AUTH;
        }
        if (httpStatus == 404) {
            return ErrorKind.NOT_FOUND;
        }
        if (httpStatus == 403) {
            return ErrorKind.CONFIG;
        }
        return ErrorKind.DATA;
    }
}
