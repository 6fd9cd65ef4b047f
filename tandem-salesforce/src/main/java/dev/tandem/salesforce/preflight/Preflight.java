package dev.tandem.salesforce.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.auth.Session;
import dev.tandem.salesforce.auth.SessionManager;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.http.ApiCall;
import dev.tandem.salesforce.http.Transport;
import dev.tandem.salesforce.limits.ApiBudget;
import dev.tandem.salesforce.limits.ApiUsage;
import dev.tandem.salesforce.query.Cond;
import dev.tandem.salesforce.query.QueryRunner;
import dev.tandem.salesforce.query.SObject;
import dev.tandem.salesforce.query.Soql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks, in order, everything the campaign sync needs from the org and says how to fix what is missing:
 * login, API version, identity, the Marketing User permission, Campaign and CampaignMember access, API budget.
 */
public final class Preflight {
    private final SessionManager sessions;
    private final Transport transport;
    private final QueryRunner queries;
    private final ApiBudget budget;
    private final String apiVersion;
    private final String dataPath;

    public Preflight(SessionManager sessions, Transport transport, QueryRunner queries, ApiBudget budget,
                     String apiVersion, String dataPath) {
        this.sessions = sessions;
        this.transport = transport;
        this.queries = queries;
        this.budget = budget;
        this.apiVersion = apiVersion;
        this.dataPath = dataPath;
    }

    public List<Diagnosis> run() {
        List<Diagnosis> out = new ArrayList<>();
        Session session;
        try {
            session = sessions.current();
            out.add(Diagnosis.pass("login", "authenticated at " + session.instanceUrl()));
        } catch (SalesforceException | IllegalArgumentException e) {
            out.add(Diagnosis.fail("login", "Salesforce refused the login: " + e.getMessage(), loginFix(e)));
            return out;
        }
        out.add(versionCheck());
        Optional<String> userId = identityCheck(session, out);
        userId.ifPresent(id -> out.add(marketingUserCheck(id)));
        out.add(describeCheck("campaign-access", "Campaign", List.of("Name", "Type", "ActualCost"), true));
        out.add(describeCheck("campaign-member-access", "CampaignMember",
                List.of("CampaignId", "LeadId", "ContactId", "Status"), false));
        out.add(budgetCheck());
        return out;
    }

    private static String loginFix(Exception e) {
        String code = e instanceof SalesforceException s ? s.errorCode() : "CONFIG";
        return switch (code) {
            case "invalid_client_id" -> "Check clientId: it must be the consumer key of the connected app.";
            case "invalid_client" -> "Check clientSecret: it must be the consumer secret of the connected app.";
            case "invalid_grant" -> "Check the credentials: for JWT bearer upload the certificate of privateKeyPem to"
                    + " the connected app and pre-authorize the user; for client credentials set a Run As user;"
                    + " for passwords append the security token.";
            case "CONNECTION_FAILED" -> "Check loginUrl (e.g. https://login.salesforce.com or your My Domain URL)"
                    + " and that this server can reach it.";
            default -> "Check the Salesforce connection settings (" + code + ").";
        };
    }

    private Diagnosis versionCheck() {
        try {
            JsonNode versions = transport.send(ApiCall.get("versions", "/services/data/").uncounted()).json();
            List<String> offered = new ArrayList<>();
            versions.forEach(v -> offered.add(v.path("version").asText()));
            if (offered.contains(apiVersion)) {
                return Diagnosis.pass("api-version", "API version " + apiVersion + " is available");
            }
            String newest = offered.isEmpty() ? "none" : offered.get(offered.size() - 1);
            return Diagnosis.fail("api-version", "API version " + apiVersion + " is not offered by this org (newest: "
                    + newest + ")", "Set apiVersion to a version the org offers, e.g. " + newest + ".");
        } catch (SalesforceException e) {
            return Diagnosis.fail("api-version", "cannot list API versions: " + e.getMessage(),
                    "Check that the instance URL returned at login is reachable.");
        }
    }

    private Optional<String> identityCheck(Session session, List<Diagnosis> out) {
        if (session.identityUrl() == null) {
            out.add(Diagnosis.fail("identity", "the login response carried no identity URL",
                    "Use an OAuth flow that returns the id URL (all standard flows do)."));
            return Optional.empty();
        }
        try {
            JsonNode id = transport.send(ApiCall.get("identity", session.identityUrl())).json();
            String userId = id.path("user_id").asText(session.userId());
            String username = id.path("username").asText("?");
            if (!id.path("active").asBoolean(true)) {
                out.add(Diagnosis.fail("identity", "the sync user " + username + " is inactive",
                        "Activate the user in Setup > Users, or configure another sync user."));
                return Optional.empty();
            }
            out.add(Diagnosis.pass("identity", "logged in as " + username + " (" + userId + ")"));
            return Optional.of(userId);
        } catch (SalesforceException e) {
            out.add(Diagnosis.fail("identity", "cannot read the sync user's identity: " + e.getMessage(),
                    "Grant the connected app the 'api' and 'id' OAuth scopes."));
            return Optional.ofNullable(session.userId());
        }
    }

    private Diagnosis marketingUserCheck(String userId) {
        try {
            Soql soql = Soql.select("Id", "Username", "UserPermissionsMarketingUser").from("User")
                    .where(Cond.eq("Id", userId)).build();
            List<SObject> rows = queries.stream(soql, false, QueryRunner.MAX_BATCH).toList();
            if (rows.isEmpty()) {
                return Diagnosis.fail("marketing-user", "the sync user " + userId + " is not visible",
                        "Give the sync user a profile that can read User records.");
            }
            SObject user = rows.get(0);
            if (Boolean.TRUE.equals(user.getBoolean("UserPermissionsMarketingUser"))) {
                return Diagnosis.pass("marketing-user", user.getString("Username") + " is a Marketing User");
            }
            return Diagnosis.fail("marketing-user", user.getString("Username") + " is not a Marketing User, so"
                            + " Salesforce refuses to create or edit campaigns and their members",
                    "In Setup > Users, edit " + user.getString("Username") + " and tick 'Marketing User'.");
        } catch (SalesforceException e) {
            return Diagnosis.fail("marketing-user", "cannot read the Marketing User flag: " + e.getMessage(),
                    "Give the sync user read access to User records.");
        }
    }

    private Diagnosis describeCheck(String check, String type, List<String> fields, boolean needUpdate) {
        try {
            SObjectDescribe d = SObjectDescribe.of(transport.send(ApiCall.get("sobjects/describe",
                    dataPath + "/sobjects/" + type + "/describe")).json());
            List<String> problems = new ArrayList<>();
            if (!d.createable()) {
                problems.add("cannot create " + type);
            }
            if (!d.updateable()) {
                problems.add("cannot update " + type);
            }
            if (!needUpdate && !d.deletable()) {
                problems.add("cannot delete " + type);
            }
            for (String f : fields) {
                if (d.field(f).isEmpty()) {
                    problems.add("field " + type + "." + f + " is not visible");
                }
            }
            if (problems.isEmpty()) {
                return Diagnosis.pass(check, "the sync user can read and write " + type);
            }
            return Diagnosis.fail(check, "the sync user " + String.join(", ", problems),
                    "Grant the sync user's profile or a permission set Create/Edit/Delete on " + type
                            + " and visibility of " + String.join(", ", fields) + "; make sure it is a Marketing User.");
        } catch (SalesforceException e) {
            return Diagnosis.fail(check, "cannot describe " + type + ": " + e.getMessage(),
                    "Grant the sync user access to " + type + " (campaigns need the Marketing User permission).");
        }
    }

    private Diagnosis budgetCheck() {
        ApiUsage u = budget.usage();
        if (!u.known()) {
            return Diagnosis.pass("api-budget", "API usage not reported yet");
        }
        String figures = u.used() + " of " + u.max() + " daily API requests used; Tandem may use up to "
                + u.budgetPercent() + "% (" + u.budget() + ")";
        if (u.remainingBudget() > 0) {
            return Diagnosis.pass("api-budget", figures + ", " + u.remainingBudget() + " left");
        }
        return Diagnosis.fail("api-budget", figures + ": the budget is used up, syncing is paused",
                "Wait for the rolling 24-hour window to free requests, raise apiBudgetPercent, or buy more API"
                        + " capacity.");
    }
}
