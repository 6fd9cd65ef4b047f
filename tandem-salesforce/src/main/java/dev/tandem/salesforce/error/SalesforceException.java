package dev.tandem.salesforce.error;

import java.util.List;

/**
 * A failed Salesforce request, typed by {@link ErrorKind} and carrying Salesforce's own {@code errorCode},
 * message and fields. {@code httpStatus} is 0 when no response was received.
 */
public class SalesforceException extends RuntimeException {
    private final ErrorKind kind;
    private final int httpStatus;
    private final List<ApiError> errors;
    private final boolean outcomeUnknown;

    public SalesforceException(int httpStatus, List<ApiError> errors, boolean outcomeUnknown, Throwable cause) {
        super(describe(httpStatus, errors), cause);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("errors must not be empty");
        }
        this.httpStatus = httpStatus;
        this.errors = List.copyOf(errors);
        this.kind = ErrorCodes.kindOf(httpStatus, errors.get(0).errorCode());
        this.outcomeUnknown = outcomeUnknown;
    }

    public SalesforceException(int httpStatus, ApiError error) {
        this(httpStatus, List.of(error), false, null);
    }

    /** Copies another exception's details (used to attach context such as partial results). */
    protected SalesforceException(SalesforceException other) {
        this(other.httpStatus, other.errors, other.outcomeUnknown, other);
    }

    private static String describe(int status, List<ApiError> errors) {
        if (errors.isEmpty()) {
            return "HTTP " + status;
        }
        ApiError first = errors.get(0);
        String fields = first.fields().isEmpty() ? "" : " " + first.fields();
        return first.errorCode() + ": " + first.message() + fields + (status > 0 ? " (HTTP " + status + ")" : "");
    }

    public ErrorKind kind() {
        return kind;
    }

    /** Salesforce's {@code errorCode} (or the client's own code, see {@link ErrorCodes}) of the first error. */
    public String errorCode() {
        return errors.get(0).errorCode();
    }

    /** Salesforce's message of the first error, without the client's decoration. */
    public String errorMessage() {
        return errors.get(0).message();
    }

    /** The fields the first error names. */
    public List<String> fields() {
        return errors.get(0).fields();
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Every error of the response (Salesforce may report several). */
    public List<ApiError> errors() {
        return errors;
    }

    /**
     * True when the request may have been applied although no answer arrived (timeout or dropped connection
     * on a non-idempotent request): the caller must reconcile before sending it again.
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** True when the caller should stop the current work and reschedule it (daily limit or budget used up). */
    public boolean isLimit() {
        return kind == ErrorKind.LIMIT;
    }

    /** True when the record addressed no longer exists in Salesforce. */
    public boolean isRecordGone() {
        return ErrorCodes.isRecordGone(errorCode());
    }
}
