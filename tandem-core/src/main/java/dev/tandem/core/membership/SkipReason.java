package dev.tandem.core.membership;

/** Why a requested change was not applied, with the Marketo record-level code clients expect. */
public record SkipReason(String code, String message) {

    /** The member already holds this status or a later one. */
    public static final SkipReason ALREADY_IN_OR_PAST =
            new SkipReason("1037", "Lead skipped because it is already in or past this status");
    /** A removal was asked for a person who is not a member. */
    public static final SkipReason NOT_IN_PROGRAM = new SkipReason("1037", "Lead not in program");
    /** The person id does not exist. */
    public static final SkipReason LEAD_NOT_FOUND = new SkipReason("1004", "Lead not found");

    /** The status is not one of the program channel's statuses (exact, case-sensitive match). */
    public static SkipReason statusNotFound(String status, String channel) {
        return new SkipReason("1025", "Program status not found: '" + status + "' is not a status of channel '"
                + channel + "'");
    }
}
