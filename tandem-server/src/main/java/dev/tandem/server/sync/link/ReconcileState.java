package dev.tandem.server.sync.link;

/** Progress of the full reconcile that follows a new link. */
public enum ReconcileState {
    /** Requested, not started. */
    PENDING,
    /** Running now. */
    RUNNING,
    /** Finished; both sides hold the union of members. */
    DONE,
    /** Stopped with an error; the run report says why, the periodic reconcile repairs it. */
    FAILED
}
