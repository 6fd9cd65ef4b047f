/**
 * Salesforce campaigns as linking sees them: the picker, the status rules and the one-way Type/ActualCost push.
 *
 * <p>Decisions: a campaign Tandem creates gets every member status of the channel (hidden ones too) with
 * HasResponded = success and the lowest step as default; Salesforce's own "Sent" and "Responded" are deleted unless
 * the channel has a status of that name, except that "Responded" stays when the channel has no success status
 * (Salesforce requires one responded status). Campaign.Type = channel name and Campaign.ActualCost = sum of all
 * period costs, pushed one way, coalesced per campaign.
 */
package dev.tandem.server.sync.campaign;
