package dev.tandem.server.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time at the precision both databases store, so a written instant reads back equal. */
public final class Timestamps {

    private Timestamps() {
    }

    /** Now, truncated to microseconds. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
