package dev.tandem.emulator.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The org's clock. It follows a base clock (the system clock by default) shifted by an offset; once set it is frozen
 * and only moves when advanced, so tests can place writes at exact seconds.
 */
public final class EmulatorClock {
    private final Clock base;
    private Instant frozen;
    private Duration offset = Duration.ZERO;

    public EmulatorClock(Clock base) {
        this.base = base;
    }

    public synchronized Instant now() {
        return frozen != null ? frozen : base.instant().plus(offset);
    }

    /** Now truncated to whole seconds, the resolution of Salesforce audit timestamps. */
    public Instant nowSeconds() {
        return now().truncatedTo(ChronoUnit.SECONDS);
    }

    public synchronized void set(Instant instant) {
        frozen = instant;
    }

    public synchronized void advance(Duration by) {
        if (frozen != null) {
            frozen = frozen.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    public synchronized boolean isFrozen() {
        return frozen != null;
    }

    /** Back to following the base clock. */
    public synchronized void reset() {
        frozen = null;
        offset = Duration.ZERO;
    }
}
