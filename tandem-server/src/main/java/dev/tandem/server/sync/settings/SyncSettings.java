package dev.tandem.server.sync.settings;

import java.time.Instant;

/**
 * The campaign sync's global settings.
 *
 * @param campaignSyncEnabled   master switch; off pauses every link (nothing is pushed or pulled)
 * @param pollIntervalSeconds   pause between two polls of Salesforce
 * @param apiBudgetPercent      share of the org's daily API limit Tandem may spend
 * @param defaultLeadLastName   LastName given to a new Salesforce Lead whose person has none
 * @param defaultLeadCompany    Company given to a new Salesforce Lead whose person has none
 * @param pullForwardOnly       when true, a status from Salesforce that is a lower step is not applied
 * @param updatedAt             when the settings were last saved
 */
public record SyncSettings(boolean campaignSyncEnabled, int pollIntervalSeconds, int apiBudgetPercent,
                           String defaultLeadLastName, String defaultLeadCompany, boolean pullForwardOnly,
                           Instant updatedAt) {

    /** Smallest accepted poll interval. */
    public static final int MIN_POLL_SECONDS = 1;
    /** Largest accepted poll interval (one day). */
    public static final int MAX_POLL_SECONDS = 86_400;
    /** Salesforce's length limit of Lead.LastName. */
    public static final int MAX_LAST_NAME = 80;
    /** Salesforce's length limit of Lead.Company. */
    public static final int MAX_COMPANY = 255;
}
