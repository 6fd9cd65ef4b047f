package dev.tandem.emulator.limits;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The org's API allocation: the daily request counter behind Sforce-Limit-Info and /limits, and the in-flight
 * requests from which the concurrent long-running request limit is enforced.
 */
public final class ApiLimits {
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentHashMap<Long, Long> inFlight = new ConcurrentHashMap<>();
    private final long defaultMax;
    private long used;
    private long max;
    private final int concurrentMax;
    private final long longRequestNanos;

    public ApiLimits(long dailyMax, int concurrentMax, Duration longRequest) {
        this.defaultMax = dailyMax;
        this.max = dailyMax;
        this.concurrentMax = concurrentMax;
        this.longRequestNanos = longRequest.toNanos();
    }

    /** Counts one API request; false (and nothing counted) when the daily allocation is used up. */
    public synchronized boolean tryConsume() {
        if (used >= max) {
            return false;
        }
        used++;
        return true;
    }

    public synchronized long used() {
        return used;
    }

    public synchronized long max() {
        return max;
    }

    public synchronized void set(long newUsed, long newMax) {
        used = Math.max(0, newUsed);
        max = Math.max(0, newMax);
    }

    /** Back to zero usage and the configured maximum. */
    public synchronized void reset() {
        used = 0;
        max = defaultMax;
    }

    public int concurrentMax() {
        return concurrentMax;
    }

    /** Registers a request as in flight; returns its ticket, or -1 when too many long-running requests are open. */
    public synchronized long enter() {
        long now = System.nanoTime();
        int longRunning = 0;
        for (Long started : inFlight.values()) {
            if (now - started >= longRequestNanos) {
                longRunning++;
            }
        }
        if (longRunning >= concurrentMax) {
            return -1;
        }
        long ticket = sequence.incrementAndGet();
        inFlight.put(ticket, now);
        return ticket;
    }

    public void exit(long ticket) {
        inFlight.remove(ticket);
    }

    /** Requests currently being served. */
    public int inFlight() {
        return inFlight.size();
    }
}
