/**
 * Linking a program to a Salesforce campaign, one-to-one both ways ({@link dev.tandem.server.sync.link.CampaignLinkService}).
 *
 * <p>Decisions: a link to an existing campaign is refused while any status held by its members is not a status of
 * the program's channel (exact, case-sensitive; unused foreign statuses do not count); channel statuses the campaign
 * lacks are created on link. "Match statuses" prepares a campaign for linking without linking it. Unlinking stops
 * the sync and deletes nothing on either side. All Salesforce calls of a link happen before the one transaction that
 * records it; the initial reconcile (FLOW's {@code CampaignReconciler}, mode INITIAL) runs afterwards in the
 * background and only while the link is not paused; switching campaign sync on starts those still pending.
 * Resources: {@link dev.tandem.server.sync.link.LinkRoutes}; composition: {@link dev.tandem.server.sync.link.SyncLinkModule}.
 */
package dev.tandem.server.sync.link;
