package dev.tandem.salesforce.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.error.ApiError;
import java.util.List;

/** The sub-responses of a composite request, in request order. */
public record CompositeResult(List<SubResponse> responses) {
    public CompositeResult {
        responses = List.copyOf(responses);
    }

    /** True when every subrequest answered 2xx. */
    public boolean allSucceeded() {
        return responses.stream().allMatch(SubResponse::success);
    }

    /** The sub-response for a reference id. */
    public SubResponse get(String referenceId) {
        return responses.stream().filter(r -> r.referenceId().equals(referenceId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no subrequest named " + referenceId));
    }

    /**
     * One sub-response.
     *
     * @param body   the sub-response body as returned (null for 204)
     * @param errors the errors when the subrequest failed (PROCESSING_HALTED marks innocent rolled-back ones)
     */
    public record SubResponse(String referenceId, int httpStatus, JsonNode body, List<ApiError> errors) {
        public SubResponse {
            errors = List.copyOf(errors);
        }

        public boolean success() {
            return httpStatus >= 200 && httpStatus < 300;
        }

        /** The id of a created record, or null. */
        public String id() {
            return body != null && body.isObject() && body.hasNonNull("id") ? body.get("id").asText() : null;
        }
    }
}
