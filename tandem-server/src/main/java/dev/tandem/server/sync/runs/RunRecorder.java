package dev.tandem.server.sync.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;

/** Starts and finishes stored runs, and purges runs and errors older than the retention period. */
public final class RunRecorder {

    /** How long runs and errors are kept. */
    public static final Duration RETENTION = Duration.ofDays(30);

    private final Jdbi jdbi;
    private final RunStore runs;
    private final SyncErrorStore errors;
    private final Clock clock;

    /** A recorder over these stores. */
    public RunRecorder(Jdbi jdbi, RunStore runs, SyncErrorStore errors, Clock clock) {
        this.jdbi = jdbi;
        this.runs = runs;
        this.errors = errors;
        this.clock = clock;
    }

    /** Stores the start of a run; {@code apiCalls} is the client's running count of calls (0 without client). */
    public ActiveRun begin(String kind, LongSupplier apiCalls) {
        Instant now = clock.instant();
        long id = jdbi.inTransaction(h -> runs.begin(h, kind, now));
        return new ActiveRun(id, kind, now, apiCalls);
    }

    /** Stores how the run ended and returns its report. */
    public RunReport finish(ActiveRun run, RunOutcome outcome, String note) {
        RunReport report = new RunReport(run.id(), run.kind(), run.startedAt(), clock.instant(), outcome,
                run.tally().snapshot(), run.apiCallsUsed(), note);
        jdbi.useTransaction(h -> runs.finish(h, report));
        return report;
    }

    /** Forgets a run that turned out to have done nothing (a background poll that found no change). */
    public void discard(ActiveRun run) {
        jdbi.useTransaction(h -> runs.delete(h, run.id()));
    }

    /** Deletes runs and errors older than {@link #RETENTION}; returns how many rows went. */
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(RETENTION);
        return jdbi.inTransaction(h -> runs.purgeBefore(h, cutoff) + errors.purgeBefore(h, cutoff));
    }
}
