-- Who runs a link's initial reconcile, and until when (a lease the running node renews). A RUNNING reconcile
-- whose lease ended (its node died), or whose owner starts again under the same node name, is taken over and run
-- again by the next node that looks; without an owner (rows from before these columns) it counts as abandoned.
ALTER TABLE campaign_links ADD COLUMN initial_reconcile_owner VARCHAR(100);
ALTER TABLE campaign_links ADD COLUMN initial_reconcile_until TIMESTAMP WITH TIME ZONE;
