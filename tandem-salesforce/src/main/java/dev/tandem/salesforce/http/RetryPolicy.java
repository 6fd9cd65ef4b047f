package dev.tandem.salesforce.http;

import java.time.Duration;

/**
 * How transient failures are retried: at most {@code maxAttempts} tries in all, waiting an exponentially
 * growing, jittered delay between them (see {@link Backoff}).
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialDelay == null || initialDelay.isNegative()) {
            throw new IllegalArgumentException("retry initialDelay must be zero or positive");
        }
        if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry maxDelay must be at least initialDelay");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("retry multiplier must be at least 1.0, was " + multiplier);
        }
    }

    /** Five tries, 0.5 s doubling to at most 30 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 2.0);
    }
}
