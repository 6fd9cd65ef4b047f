package dev.tandem.server.sync.pull;

/** What the pull does with one CampaignMember row. */
public enum PullDecision {
    /** Already processed at this SystemModstamp (the overlap window re-reads rows). */
    DUPLICATE,
    /** Salesforce holds what Tandem last wrote or knows: only the mirror's modstamp moves. */
    ECHO,
    /** A deletion of a member Tandem does not hold (or holds under another CampaignMember). */
    IGNORE,
    /** Salesforce changed a member that also has a pending local change: Tandem wins, the mirror follows Salesforce. */
    CONFLICT,
    /** A new member in Salesforce. */
    ADD,
    /** A status change in Salesforce. */
    CHANGE,
    /** The member was deleted in Salesforce. */
    REMOVE
}
