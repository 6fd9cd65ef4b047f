package dev.tandem.server.sync.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Jittered, capped exponential backoff for records that failed to push: the wait doubles per attempt up to the
 * cap, and each wait is drawn from its upper half so that a burst of failures does not retry in lockstep.
 */
public record Backoff(Duration base, Duration cap) {

    /** Defaults: 5 s after the first failure, doubling to at most 30 minutes. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(30));

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff: base must be positive and cap at least base");
        }
    }

    /** The wait after the given number of failed attempts (1 = first failure); {@code random} yields [0,1). */
    public Duration delayAfter(int failedAttempts, DoubleSupplier random) {
        int exponent = Math.max(0, Math.min(failedAttempts - 1, 30));
        long ceilingMillis = Math.min(cap.toMillis(), base.toMillis() << exponent);
        if (ceilingMillis <= 0) {
            ceilingMillis = cap.toMillis();
        }
        double factor = 0.5 + 0.5 * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, (long) (ceilingMillis * factor)));
    }
}
