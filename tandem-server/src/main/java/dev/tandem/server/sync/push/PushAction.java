package dev.tandem.server.sync.push;

/** The Salesforce write one member needs so that Salesforce holds Tandem's desired state. */
public sealed interface PushAction {

    /** Salesforce already holds the desired state. */
    record Nothing() implements PushAction {
    }

    /** Create a CampaignMember with this status. */
    record Insert(String status) implements PushAction {
    }

    /** Change the status of an existing CampaignMember. */
    record Update(String memberId, String oldStatus, String newStatus) implements PushAction {
    }

    /** Delete an existing CampaignMember. */
    record Delete(String memberId, String oldStatus) implements PushAction {
    }
}
