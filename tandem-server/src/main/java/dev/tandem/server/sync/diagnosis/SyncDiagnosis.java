package dev.tandem.server.sync.diagnosis;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.preflight.Diagnosis;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import dev.tandem.server.sync.secrets.SecretUnreadableException;
import dev.tandem.server.sync.settings.SalesforceConnections;
import dev.tandem.server.sync.settings.SyncSettingsService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Says whether campaign sync can work and, for each check that fails, what to do. {@link #run()} is the full
 * diagnosis (the Salesforce client's preflight: login, API version, identity, Marketing User, access to Campaign
 * and CampaignMember, API budget); {@link #prerequisites()} is the cheap subset the campaign picker checks before
 * listing (one query besides the login).
 */
public final class SyncDiagnosis {

    /** Check names, as the API reports them. */
    public static final String SYNC_ENABLED = "campaign-sync-enabled";
    /** Whether a connection is stored. */
    public static final String CONNECTION = "connection-configured";
    /** The Salesforce client's checks, in the order it runs them. */
    public static final List<String> SALESFORCE_CHECKS = List.of("login", "api-version", "identity",
            "marketing-user", "campaign-access", "campaign-member-access", "api-budget");

    private static final String SETTINGS_FIX = "POST /rest/tandem/v1/settings/salesforce.json with loginUrl,"
            + " authMode, clientId and the credentials of that mode";

    private final SyncSettingsService settings;
    private final SalesforceConnections connections;

    /** A diagnosis of the stored settings and connection. */
    public SyncDiagnosis(SyncSettingsService settings, SalesforceConnections connections) {
        this.settings = settings;
        this.connections = connections;
    }

    /** Every check, passed or failed; checks that cannot run for lack of a connection are reported as failed. */
    public List<Diagnosis> run() {
        List<Diagnosis> checks = new ArrayList<>();
        checks.add(syncEnabled());
        Optional<SalesforceClient> client;
        try {
            client = connections.client();
        } catch (SecretUnreadableException e) {
            checks.add(unreadable(e));
            SALESFORCE_CHECKS.forEach(name -> checks.add(new Diagnosis(name, false,
                    "not checked: the stored credentials cannot be read", "Fix connection-configured first.")));
            return checks;
        }
        if (client.isEmpty()) {
            checks.add(notConfigured());
            SALESFORCE_CHECKS.forEach(name -> checks.add(new Diagnosis(name, false,
                    "not checked: no Salesforce connection is configured", SETTINGS_FIX)));
            return checks;
        }
        checks.add(new Diagnosis(CONNECTION, true, "connection to " + client.get().config().loginUrl()
                + " as " + client.get().config().authMode() + " is configured", ""));
        List<Diagnosis> preflight = client.get().preflight();
        checks.addAll(preflight);
        // The client stops after a failed login; the checks it skipped still appear, so none goes unnoticed.
        SALESFORCE_CHECKS.stream()
                .filter(name -> preflight.stream().noneMatch(d -> d.check().equals(name)))
                .forEach(name -> checks.add(new Diagnosis(name, false, "not checked: an earlier check failed",
                        "Fix the failed checks above first.")));
        return checks;
    }

    /** The prerequisites of campaign sync: on, configured, logged in, sync user is a Marketing User. */
    public Prerequisites prerequisites() {
        List<Diagnosis> failed = new ArrayList<>();
        Diagnosis enabled = syncEnabled();
        if (!enabled.ok()) {
            failed.add(enabled);
        }
        Optional<SalesforceClient> client;
        try {
            client = connections.client();
        } catch (SecretUnreadableException e) {
            failed.add(unreadable(e));
            return new Prerequisites(failed);
        }
        if (client.isEmpty()) {
            failed.add(notConfigured());
            return new Prerequisites(failed);
        }
        marketingUser(client.get()).filter(d -> !d.ok()).ifPresent(failed::add);
        return new Prerequisites(failed);
    }

    private Diagnosis syncEnabled() {
        if (settings.campaignSyncEnabled()) {
            return new Diagnosis(SYNC_ENABLED, true, "campaign sync is on", "");
        }
        return new Diagnosis(SYNC_ENABLED, false, "campaign sync is off: no campaign is listed or synced, every"
                + " link is paused, and campaigns that smart campaigns name without a link are not read (their SFDC"
                + " campaign triggers do not fire; Member of SFDC Campaign filters see the members last read)",
                "POST /rest/tandem/v1/settings/sync.json {\"campaignSyncEnabled\":true}");
    }

    private static Diagnosis unreadable(SecretUnreadableException e) {
        return new Diagnosis(CONNECTION, false, e.getMessage(), "Start Tandem with the TANDEM_SECRET_KEY the"
                + " connection was stored with, or enter the credentials again: " + SETTINGS_FIX);
    }

    private static Diagnosis notConfigured() {
        return new Diagnosis(CONNECTION, false, "no Salesforce connection is configured", SETTINGS_FIX);
    }

    private static Optional<Diagnosis> marketingUser(SalesforceClient client) {
        String userId;
        try {
            userId = client.userId();
        } catch (SalesforceException | IllegalArgumentException e) {
            return Optional.of(new Diagnosis("login", false, "Salesforce refused the login: " + e.getMessage(),
                    "Check the connection settings; GET /rest/tandem/v1/salesforce/diagnosis.json tells more."));
        }
        try {
            List<SObject> rows = client.stream(Soql.select("Id", "Username", "UserPermissionsMarketingUser")
                    .from("User").where(Cond.eq("Id", userId)).build()).toList();
            if (!rows.isEmpty() && Boolean.TRUE.equals(rows.get(0).getBoolean("UserPermissionsMarketingUser"))) {
                return Optional.of(new Diagnosis("marketing-user", true, rows.get(0).getString("Username")
                        + " is a Marketing User", ""));
            }
            String who = rows.isEmpty() ? userId : rows.get(0).getString("Username");
            return Optional.of(new Diagnosis("marketing-user", false, "the sync user " + who + " is not a Marketing"
                    + " User, so Salesforce campaigns cannot be synced", "In Salesforce Setup > Users, edit " + who
                    + " and tick 'Marketing User'"));
        } catch (SalesforceException e) {
            return Optional.of(new Diagnosis("marketing-user", false, "cannot read the sync user's Marketing User"
                    + " flag: " + e.getMessage(), "Give the sync user read access to User records"));
        }
    }
}
