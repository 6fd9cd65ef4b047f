package dev.tandem.salesforce.limits;

import java.time.Clock;
import java.util.Arrays;

/** Counts events over a rolling 24 hours in per-minute buckets (Salesforce's daily limit is rolling). */
final class CallWindow {
    private static final int MINUTES = 24 * 60;
    private final Clock clock;
    private final long[] counts = new long[MINUTES];
    private final long[] minuteOf = new long[MINUTES];

    CallWindow(Clock clock) {
        this.clock = clock;
        Arrays.fill(minuteOf, Long.MIN_VALUE);
    }

    synchronized void add() {
        long minute = clock.millis() / 60_000;
        int slot = (int) Math.floorMod(minute, (long) MINUTES);
        if (minuteOf[slot] != minute) {
            minuteOf[slot] = minute;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    synchronized long total() {
        long now = clock.millis() / 60_000;
        long sum = 0;
        for (int i = 0; i < MINUTES; i++) {
            if (minuteOf[i] > now - MINUTES) {
                sum += counts[i];
            }
        }
        return sum;
    }
}
