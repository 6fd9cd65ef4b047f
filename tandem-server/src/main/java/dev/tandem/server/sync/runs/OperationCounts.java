package dev.tandem.server.sync.runs;

/** What one operation of a run did, counted per record. */
public record OperationCounts(long created, long updated, long removed, long failed, long skipped, long conflicts) {

    /** Nothing done. */
    public static final OperationCounts ZERO = new OperationCounts(0, 0, 0, 0, 0, 0);

    /** Element-wise sum. */
    public OperationCounts plus(OperationCounts o) {
        return new OperationCounts(created + o.created, updated + o.updated, removed + o.removed, failed + o.failed,
                skipped + o.skipped, conflicts + o.conflicts);
    }

    /** Whether every counter is zero. */
    public boolean nothingCounted() {
        return equals(ZERO);
    }
}
