package dev.tandem.salesforce.http;

import java.time.Duration;

/** The retry delay schedule: exponential with "equal jitter" (half fixed, half random) so clients spread out. */
public final class Backoff {
    private Backoff() {
    }

    /**
     * The wait before retry number {@code retry} (1 = the first retry).
     *
     * @param random a uniform sample in [0, 1)
     */
    public static Duration delay(RetryPolicy policy, int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, was " + retry);
        }
        double base = policy.initialDelay().toMillis() * Math.pow(policy.multiplier(), retry - 1);
        double capped = Math.min(base, policy.maxDelay().toMillis());
        return Duration.ofMillis(Math.round(capped / 2 + capped / 2 * random));
    }
}
