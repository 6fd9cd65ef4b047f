package dev.tandem.salesforce.bulk;

import com.fasterxml.jackson.databind.JsonNode;

/** The state of a Bulk API 2.0 job as Salesforce reports it. */
public record BulkJob(String id, String state, long numberRecordsProcessed, long numberRecordsFailed,
                      String errorMessage) {

    static BulkJob of(JsonNode n) {
        return new BulkJob(n.path("id").asText(), n.path("state").asText(), n.path("numberRecordsProcessed").asLong(),
                n.path("numberRecordsFailed").asLong(), n.path("errorMessage").asText(null));
    }

    /** True once the job will not change any more. */
    public boolean finished() {
        return state.equals("JobComplete") || state.equals("Failed") || state.equals("Aborted");
    }
}
