package dev.tandem.server.sync.link;

/**
 * The full reconcile that follows a new link (the FLOW half's
 * {@code CampaignReconciler.reconcile(programId, ReconcileMode.INITIAL)}, which records its own run report).
 * Called off the request thread after the link has committed; throwing marks the link's initial reconcile FAILED.
 */
@FunctionalInterface
public interface InitialReconcile {

    /** Reconciles the newly linked program's members with its campaign's. */
    void run(long programId) throws Exception;
}
