package dev.tandem.server.sync.pull;

import java.time.Duration;
import java.time.Instant;

/**
 * The pull's high-water mark over Salesforce's SystemModstamp. Because modstamps have whole-second precision
 * and Salesforce commits are not ordered by them, a read starts {@code overlap} below the mark until a read of
 * that window happened at least {@code overlap} after the mark last moved; from then on late commits at or below
 * the mark have been seen and reads start just after the mark. The mark only moves forward, to modstamps of
 * committed pages.
 *
 * @param advancedAt   when the mark last moved (null before it ever did)
 * @param windowReadAt when a poll last read the overlap window below the mark (null if none did)
 */
public record PullCursor(Instant highWater, Instant advancedAt, Instant windowReadAt) {

    /** The mark before anything was pulled: the first poll reads every member of the linked campaigns. */
    public static final PullCursor START = new PullCursor(Instant.EPOCH, null, null);

    public PullCursor {
        if (highWater == null) {
            throw new IllegalArgumentException("highWater: must not be null");
        }
    }

    /** Whether the next read must re-read the overlap window below the mark. */
    public boolean needsWindow(Duration overlap) {
        return advancedAt == null || windowReadAt == null || windowReadAt.isBefore(advancedAt.plus(overlap));
    }

    /** Where the next query starts. */
    public Instant readFrom(Duration overlap) {
        if (!needsWindow(overlap)) {
            return highWater;
        }
        Instant from = highWater.minus(overlap);
        return from.isBefore(Instant.EPOCH) ? Instant.EPOCH : from;
    }

    /** The mark after a committed page whose newest row has this modstamp, seen at {@code now}; never backwards. */
    public PullCursor advancedTo(Instant pageMax, Instant now) {
        return pageMax != null && pageMax.isAfter(highWater) ? new PullCursor(pageMax, now, windowReadAt) : this;
    }

    /** The same mark, noting that a read of the overlap window started at {@code at}. */
    public PullCursor windowRead(Instant at) {
        return new PullCursor(highWater, advancedAt, at);
    }
}
