package dev.tandem.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One record's outcome in a batch write, in input order: {@code seq} is the record's index in the request.
 * Lead writes report {@code id}; program-member writes report {@code leadId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordResult(int seq, Long id, Long leadId, String status, List<ApiError> reasons) {

    /** A lead-database outcome ({@code created}, {@code updated}) naming the lead's id. */
    public static RecordResult lead(int seq, long id, String status) {
        return new RecordResult(seq, id, null, status, null);
    }

    /** A program-member outcome naming the lead. */
    public static RecordResult member(int seq, long leadId, String status) {
        return new RecordResult(seq, null, leadId, status, null);
    }

    /** A skipped record with its reason. */
    public static RecordResult skipped(int seq, ApiError reason) {
        return new RecordResult(seq, null, null, "skipped", List.of(reason));
    }
}
