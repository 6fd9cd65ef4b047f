/**
 * Watched campaigns: Salesforce campaigns that smart campaigns name (triggers, filters, choices, flow actions)
 * without being linked to a program. Their CampaignMembers are read by the same single pull query as linked
 * campaigns into a store of their own, keyed by CampaignMember, so "who is in campaign X with what status" has one
 * answer per campaign: the mirror while it is linked, this store otherwise.
 *
 * <p>Decisions:
 * <ul>
 *   <li>A campaign named for the first time is read in full on the next poll (one paged query), silently: members
 *       already there, or who joined before that poll, fire no "Added to" trigger. Later changes arrive through the
 *       poll's one query and write activities 42/43/44 once each.</li>
 *   <li>Only people Tandem already knows (by Lead or Contact id) get activities; as in Marketo, where only synced
 *       people take part, nobody is created. Rows of unknown Leads/Contacts are kept, so a person who becomes known
 *       later is seen as a member by filters (no activity for the past).</li>
 *   <li>When no smart campaign names the campaign any more, it is no longer queried and its rows are dropped: they
 *       would go stale, and a later watch reads it afresh. A campaign linked to a program is set aside the same way
 *       (the mirror takes over) and read in full again if it is unlinked.</li>
 *   <li>Nothing is read while campaign sync is off or no connection is configured: triggers on watched campaigns
 *       do not fire and filters see the members last read (the diagnosis says so).</li>
 *   <li>A trigger on "any campaign" hears linked and watched campaigns only; Tandem reads no other campaign.</li>
 * </ul>
 */
package dev.tandem.server.sync.watch;
