/**
 * Creating people as Salesforce Leads, once ({@link dev.tandem.server.sync.lead.LeadCreator}), for the campaign
 * sync's pusher, the initial reconcile's Bulk push and the smart-campaign flow actions.
 *
 * <p>Decision: crash safety by intent. An intent row is committed before the insert call and deleted with the
 * recorded Lead id; an intent found open on a later attempt makes that attempt look the Lead up in Salesforce and
 * adopt it ({@link dev.tandem.server.sync.lead.LeadMatcher}) rather than insert a duplicate.
 */
package dev.tandem.server.sync.lead;
