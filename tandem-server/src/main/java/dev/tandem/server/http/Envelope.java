package dev.tandem.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Marketo's response envelope. Absent paging fields are left out, as Marketo does; errors always come with HTTP 200.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(
        String requestId,
        boolean success,
        List<ApiError> errors,
        List<Object> warnings,
        List<?> result,
        Boolean moreResult,
        String nextPageToken) {

    /** A successful response carrying {@code result} and no paging. */
    public static Envelope ok(String requestId, List<?> result) {
        return new Envelope(requestId, true, List.of(), List.of(), result, null, null);
    }

    /** A successful page of results. */
    public static Envelope page(String requestId, List<?> result, boolean moreResult, String nextPageToken) {
        return new Envelope(requestId, true, List.of(), List.of(), result, moreResult, nextPageToken);
    }

    /** A rejected request. */
    public static Envelope failure(String requestId, ApiError error) {
        return new Envelope(requestId, false, List.of(error), List.of(), null, null, null);
    }
}
