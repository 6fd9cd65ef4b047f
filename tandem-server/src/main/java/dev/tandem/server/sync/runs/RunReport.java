package dev.tandem.server.sync.runs;

import java.time.Instant;
import java.util.Map;

/**
 * The record of one sync cycle or reconcile: counters per operation and the Salesforce API calls it used.
 *
 * @param id   the stored run id, or null when not stored
 * @param note a human-readable reason for outcomes other than COMPLETED
 */
public record RunReport(Long id, String kind, Instant startedAt, Instant finishedAt, RunOutcome outcome,
                        Map<Operation, OperationCounts> operations, long apiCalls, String note) {

    public RunReport {
        operations = Map.copyOf(operations);
    }

    /** The counters of one operation (zero when it did nothing). */
    public OperationCounts counts(Operation op) {
        return operations.getOrDefault(op, OperationCounts.ZERO);
    }

    /** All operations summed. */
    public OperationCounts total() {
        return operations.values().stream().reduce(OperationCounts.ZERO, OperationCounts::plus);
    }

    /** The same report with its stored id. */
    public RunReport withId(long storedId) {
        return new RunReport(storedId, kind, startedAt, finishedAt, outcome, operations, apiCalls, note);
    }
}
