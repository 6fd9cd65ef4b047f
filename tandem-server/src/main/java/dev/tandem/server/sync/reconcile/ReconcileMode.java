package dev.tandem.server.sync.reconcile;

/** Why a full reconcile runs. */
public enum ReconcileMode {
    /** Right after a program is linked: both sides end with the union of their members. */
    INITIAL,
    /** Scheduled or on demand: repairs drift the incremental sync missed. */
    PERIODIC
}
