package dev.tandem.emulator.ids;

import java.util.concurrent.atomic.AtomicLong;

/** Mints 18-character ids: key prefix, pod "5g", a reserved "0", a 9-digit base-62 counter, then the checksum. */
public final class IdGenerator {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private final long start;
    private final AtomicLong counter;

    /** @param start the counter's first value; a large start mixes upper and lower case so checksums matter */
    public IdGenerator(long start) {
        this.start = start;
        this.counter = new AtomicLong(start);
    }

    /** A fresh id for the given 3-character key prefix. */
    public String next(String keyPrefix) {
        return forCounter(keyPrefix, counter.incrementAndGet());
    }

    /** Restarts the counter, so a reset org hands out the same ids again. */
    public void reset() {
        counter.set(start);
    }

    /** The id a given counter value yields. */
    public static String forCounter(String keyPrefix, long value) {
        char[] digits = new char[9];
        long v = value;
        for (int i = 8; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return SalesforceIds.to18(keyPrefix + "5g0" + new String(digits));
    }
}
