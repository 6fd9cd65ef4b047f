package dev.tandem.salesforce.error;

import java.util.List;

/** One request-level error as Salesforce reports it: {@code errorCode}, message and the fields involved. */
public record ApiError(String errorCode, String message, List<String> fields) {
    public ApiError {
        errorCode = errorCode == null ? "UNKNOWN" : errorCode;
        message = message == null ? "" : message;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
