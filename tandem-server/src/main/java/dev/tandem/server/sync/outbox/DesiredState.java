package dev.tandem.server.sync.outbox;

/** What Tandem wants Salesforce to hold for one program member: a CampaignMember with a status, or none. */
public record DesiredState(String status) {

    /** The member must not be in the campaign. */
    public static final DesiredState REMOVED = new DesiredState(null);

    public DesiredState {
        if (status != null && status.isBlank()) {
            throw new IllegalArgumentException("status: must not be blank");
        }
    }

    /** The member must be in the campaign with this status. */
    public static DesiredState member(String status) {
        if (status == null) {
            throw new IllegalArgumentException("status: must not be null");
        }
        return new DesiredState(status);
    }

    /** Whether the member must leave the campaign. */
    public boolean isRemoved() {
        return status == null;
    }
}
