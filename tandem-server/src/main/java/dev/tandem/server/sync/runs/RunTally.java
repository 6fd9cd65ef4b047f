package dev.tandem.server.sync.runs;

import java.util.EnumMap;
import java.util.Map;

/** Counts a run's work as it happens; thread-confined to the run. */
public final class RunTally {

    private final Map<Operation, OperationCounts> counts = new EnumMap<>(Operation.class);

    /** Adds to one operation's counters. */
    public void add(Operation op, OperationCounts delta) {
        counts.merge(op, delta, OperationCounts::plus);
    }

    /** One record created. */
    public void created(Operation op) {
        add(op, new OperationCounts(1, 0, 0, 0, 0, 0));
    }

    /** One record updated. */
    public void updated(Operation op) {
        add(op, new OperationCounts(0, 1, 0, 0, 0, 0));
    }

    /** One record removed. */
    public void removed(Operation op) {
        add(op, new OperationCounts(0, 0, 1, 0, 0, 0));
    }

    /** One record failed. */
    public void failed(Operation op) {
        add(op, new OperationCounts(0, 0, 0, 1, 0, 0));
    }

    /** One record needed nothing. */
    public void skipped(Operation op) {
        add(op, new OperationCounts(0, 0, 0, 0, 1, 0));
    }

    /** One record changed on both sides; Tandem's change won. */
    public void conflict(Operation op) {
        add(op, new OperationCounts(0, 0, 0, 0, 0, 1));
    }

    /** The counters so far, for operations that did something or were attempted. */
    public Map<Operation, OperationCounts> snapshot() {
        return Map.copyOf(counts);
    }
}
