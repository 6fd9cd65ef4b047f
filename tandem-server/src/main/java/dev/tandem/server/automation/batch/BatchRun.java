package dev.tandem.server.automation.batch;

import java.time.Instant;

/** A scheduled run of a batch campaign. */
public record BatchRun(long id, long campaignId, Instant runAt, String state, String tokens, Integer people) {

    /** Whether the run is still to come (neither done nor cancelled). */
    public boolean isScheduled() {
        return BatchRunStore.SCHEDULED.equals(state);
    }
}
