package dev.tandem.server.sync.reconcile;

import dev.tandem.server.sync.runs.RunReport;

/**
 * Full reconcile of one linked program with its Salesforce campaign. Afterwards both sides hold the union of
 * members; where statuses differ the higher step of the program's channel wins (ties: Tandem); people unknown
 * to Salesforce are created as Leads first. The run is recorded and returned.
 */
public interface CampaignReconciler {

    /**
     * Reconciles the program now, on the calling thread (network calls happen outside database transactions).
     *
     * @throws IllegalArgumentException when the program is not linked to a campaign
     */
    RunReport reconcile(long programId, ReconcileMode mode);
}
