package dev.tandem.emulator.error;

import java.util.concurrent.ThreadLocalRandom;

/** Maps failures nobody anticipated to Salesforce's opaque 500 UNKNOWN_EXCEPTION, with an ErrorId to grep logs for. */
public final class Failures {
    private Failures() {
    }

    /** The error a client sees for an unexpected server-side failure; the cause itself stays in the server log. */
    public static ApiException unknownException() {
        String errorId = ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999) + "-"
                + ThreadLocalRandom.current().nextInt(10_000, 99_999) + " (" + ThreadLocalRandom.current()
                .nextInt(-999_999_999, -100_000_000) + ")";
        return new ApiException(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId"
                + " if you contact support: " + errorId);
    }
}
