package dev.tandem.emulator.org;

/** What a CampaignMember write does with a Status that is none of its campaign's CampaignMemberStatus labels. */
public enum UnknownStatusPolicy {
    /** Reject with INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST (the strict default). */
    REJECT,
    /** Replace with the campaign's default status, as API 2.0-era documentation describes. */
    DEFAULT,
    /** Store the text as given, with HasResponded false. */
    STORE
}
