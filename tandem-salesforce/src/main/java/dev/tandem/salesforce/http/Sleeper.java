package dev.tandem.salesforce.http;

import java.time.Duration;

/** Waits; injectable so tests can run retry and throttling paths without real time passing. */
@FunctionalInterface
public interface Sleeper {
    /** The real thing: {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
