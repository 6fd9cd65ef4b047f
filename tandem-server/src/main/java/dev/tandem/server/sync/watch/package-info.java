/**
 * Watched campaigns: Salesforce campaigns that smart campaigns name without being linked to a program. Their
 * CampaignMembers are read by the same pull as linked campaigns (after one full read when first watched) into a
 * store of their own, keyed by CampaignMember, so "who is in campaign X with what status" has one answer for every
 * campaign: the mirror for linked campaigns, this store for watched ones. Changes write activities 42/43/44 for
 * people Tandem already knows (nobody is created, as in Marketo, where only synced people take part); a watch ends,
 * with its rows, when no smart campaign names the campaign any more.
 */
package dev.tandem.server.sync.watch;
