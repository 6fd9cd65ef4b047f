package dev.tandem.server.automation.batch;

import java.time.Instant;

/** A scheduled run of a batch campaign. */
public record BatchRun(long id, long campaignId, Instant runAt, String state, String tokens, Integer people) {
}
