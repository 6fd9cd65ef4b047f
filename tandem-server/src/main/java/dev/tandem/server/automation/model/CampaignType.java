package dev.tandem.server.automation.model;

/** Marketo's smart campaign type, decided by the smart list. */
public enum CampaignType {
    /** At least one trigger: runs one person at a time as events arrive. */
    TRIGGER("trigger"),
    /** Filters and no triggers: runs over everyone matching, now, at a time or on a recurrence. */
    BATCH("batch"),
    /** No smart list rules yet. */
    DEFAULT("default");

    private final String apiName;

    CampaignType(String apiName) {
        this.apiName = apiName;
    }

    /** The name Marketo's API uses. */
    public String apiName() {
        return apiName;
    }

    /** The type of a campaign with this smart list. */
    public static CampaignType of(SmartList list) {
        if (!list.triggers().isEmpty()) {
            return TRIGGER;
        }
        return list.filters().isEmpty() ? DEFAULT : BATCH;
    }
}
