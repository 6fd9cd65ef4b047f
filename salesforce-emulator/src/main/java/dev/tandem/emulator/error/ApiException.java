package dev.tandem.emulator.error;

import java.util.List;

/** A Salesforce API error: HTTP status, errorCode, message and the fields it concerns. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String errorCode;
    private final List<String> fields;

    public ApiException(int status, String errorCode, String message, List<String> fields) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = fields == null ? null : List.copyOf(fields);
    }

    public ApiException(int status, String errorCode, String message) {
        this(status, errorCode, message, null);
    }

    public static ApiException badRequest(String errorCode, String message, List<String> fields) {
        return new ApiException(400, errorCode, message, fields);
    }

    public static ApiException badRequest(String errorCode, String message) {
        return new ApiException(400, errorCode, message, null);
    }

    public static ApiException notFound() {
        return new ApiException(404, "NOT_FOUND", "The requested resource does not exist");
    }

    public static ApiException sessionInvalid() {
        return new ApiException(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    public static ApiException malformedQuery(String message) {
        return badRequest("MALFORMED_QUERY", message);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    /** Fields the error concerns; null when Salesforce omits the key. */
    public List<String> fields() {
        return fields;
    }

    /** The same error with another HTTP status, e.g. a 404 where a record URL points nowhere. */
    public ApiException withStatus(int newStatus) {
        return new ApiException(newStatus, errorCode, getMessage(), fields);
    }
}
