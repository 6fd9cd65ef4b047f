package dev.tandem.server.sync.pull;

import java.time.Duration;
import java.time.Instant;

/**
 * The pull's high-water mark over Salesforce's SystemModstamp. Reads start {@code overlap} before it because
 * modstamps have whole-second precision and Salesforce commits are not ordered by them; the mark only moves
 * forward, and only to modstamps of rows whose page was committed.
 */
public record PullCursor(Instant highWater) {

    /** The mark before anything was pulled: the first poll reads every member of the linked campaigns. */
    public static final PullCursor START = new PullCursor(Instant.EPOCH);

    public PullCursor {
        if (highWater == null) {
            throw new IllegalArgumentException("highWater: must not be null");
        }
    }

    /** Where the next query starts. */
    public Instant readFrom(Duration overlap) {
        Instant from = highWater.minus(overlap);
        return from.isBefore(Instant.EPOCH) ? Instant.EPOCH : from;
    }

    /** The mark after a committed page whose newest row has this modstamp; never moves backwards. */
    public PullCursor advancedTo(Instant pageMax) {
        return pageMax != null && pageMax.isAfter(highWater) ? new PullCursor(pageMax) : this;
    }
}
