package dev.tandem.server.sync.runs;

import java.time.Instant;
import java.util.function.LongSupplier;

/** A run in progress: its stored id (errors point at it), its counters and the API calls it started from. */
public final class ActiveRun {

    private final long id;
    private final String kind;
    private final Instant startedAt;
    private final RunTally tally = new RunTally();
    private final LongSupplier apiCalls;
    private final long apiCallsAtStart;

    ActiveRun(long id, String kind, Instant startedAt, LongSupplier apiCalls) {
        this.id = id;
        this.kind = kind;
        this.startedAt = startedAt;
        this.apiCalls = apiCalls;
        this.apiCallsAtStart = apiCalls.getAsLong();
    }

    /** The stored run id. */
    public long id() {
        return id;
    }

    /** What kind of run this is (e.g. "cycle", "reconcile-initial"). */
    public String kind() {
        return kind;
    }

    /** When it started. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Its counters. */
    public RunTally tally() {
        return tally;
    }

    /** Salesforce API calls made since the run started, as the client counts them. */
    public long apiCallsUsed() {
        return Math.max(0, apiCalls.getAsLong() - apiCallsAtStart);
    }
}
