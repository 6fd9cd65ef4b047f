package dev.tandem.server.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.salesforce.AuthMode;
import dev.tandem.server.console.auth.Flash;
import dev.tandem.server.console.web.ConsoleRequest;
import dev.tandem.server.console.web.ConsoleRouter;
import dev.tandem.server.sync.secrets.SecretUnreadableException;
import dev.tandem.server.sync.settings.FieldError;
import dev.tandem.server.sync.settings.InvalidInputException;
import dev.tandem.server.sync.settings.SalesforceConnection;
import dev.tandem.server.sync.settings.SyncSettings;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings: the campaign sync's switches and defaults, the Salesforce connection (secrets can be replaced, never
 * read back), and the diagnosis of every prerequisite with its fix. Invalid input is shown next to its field and
 * nothing is saved.
 */
final class SettingsPage {
    private static final List<String> SECRET_FIELDS = SalesforceConnection.SECRET_FIELDS;

    private final SyncServices sync;
    private final ObjectMapper json;

    SettingsPage(SyncServices sync, ObjectMapper json) {
        this.sync = sync;
        this.json = json;
    }

    void install(ConsoleRouter router) {
        router.page("/settings", request -> show(request, 200, null, Map.of(), null, Map.of()));
        router.action("/settings/sync", this::saveSync);
        router.action("/settings/salesforce", this::saveConnection);
    }

    private void show(ConsoleRequest request, int status, Map<String, String> syncForm, Map<String, String> syncErrors,
                      Map<String, String> connectionForm, Map<String, String> connectionErrors) {
        SyncSettings settings = sync.settings().current();
        SalesforceConnection.ConnectionView connection;
        String unreadable = null;
        try {
            connection = sync.connection().view();
        } catch (SecretUnreadableException e) {
            // Saving a complete connection again is the way out, so the form stays usable.
            connection = SalesforceConnection.ConnectionView.notConfigured();
            unreadable = "The stored connection " + e.getMessage() + ". Enter the complete connection below.";
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("unreadable", unreadable);
        model.put("settings", syncForm != null ? syncForm : syncFormOf(settings));
        model.put("syncErrors", syncErrors);
        model.put("connection", connection);
        model.put("connectionForm", connectionForm != null ? connectionForm : connectionFormOf(connection));
        model.put("connectionErrors", connectionErrors);
        model.put("authModes", Arrays.stream(AuthMode.values()).map(Enum::name).toList());
        model.put("checks", sync.diagnosis().run());
        request.render(status, "settings.jte", "Settings", "settings", model);
    }

    private void saveSync(ConsoleRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("campaignSyncEnabled", String.valueOf(request.form("campaignSyncEnabled") != null));
        form.put("pullForwardOnly", String.valueOf(request.form("pullForwardOnly") != null));
        for (String field : List.of("pollIntervalSeconds", "apiBudgetPercent", "defaultLeadLastName",
                "defaultLeadCompany")) {
            form.put(field, request.form(field) == null ? "" : request.form(field));
        }
        ObjectNode update = json.createObjectNode();
        update.put("campaignSyncEnabled", Boolean.parseBoolean(form.get("campaignSyncEnabled")));
        update.put("pullForwardOnly", Boolean.parseBoolean(form.get("pullForwardOnly")));
        number(update, "pollIntervalSeconds", form.get("pollIntervalSeconds"));
        number(update, "apiBudgetPercent", form.get("apiBudgetPercent"));
        update.put("defaultLeadLastName", form.get("defaultLeadLastName"));
        update.put("defaultLeadCompany", form.get("defaultLeadCompany"));
        try {
            sync.settings().update(update);
            request.redirect("/settings", Flash.success("Sync settings saved."));
        } catch (InvalidInputException e) {
            show(request, 422, form, byField(e), null, Map.of());
        }
    }

    private void saveConnection(ConsoleRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        ObjectNode update = json.createObjectNode();
        for (String field : List.of("loginUrl", "authMode", "clientId", "username", "apiVersion")) {
            String value = request.form(field) == null ? "" : request.form(field).trim();
            form.put(field, value);
            if (!value.isEmpty()) {
                update.put(field, value);
            } else if (!field.equals("apiVersion")) {
                update.putNull(field);
            }
        }
        // Secrets are write-only: an empty box keeps the stored value.
        for (String field : SECRET_FIELDS) {
            String value = request.form(field);
            if (value != null && !value.isEmpty()) {
                update.put(field, value);
            }
        }
        try {
            sync.connection().update(update);
            request.redirect("/settings", Flash.success("Salesforce connection saved. The diagnosis below shows "
                    + "whether it works."));
        } catch (InvalidInputException e) {
            show(request, 422, null, Map.of(), form, byField(e));
        }
    }

    private static void number(ObjectNode update, String field, String value) {
        try {
            update.put(field, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            // Passed on as typed, so the settings' own validation names the field and the accepted range.
            update.put(field, value);
        }
    }

    private static Map<String, String> byField(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            errors.merge(error.field(), error.problem(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    private static Map<String, String> syncFormOf(SyncSettings settings) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("campaignSyncEnabled", String.valueOf(settings.campaignSyncEnabled()));
        form.put("pullForwardOnly", String.valueOf(settings.pullForwardOnly()));
        form.put("pollIntervalSeconds", String.valueOf(settings.pollIntervalSeconds()));
        form.put("apiBudgetPercent", String.valueOf(settings.apiBudgetPercent()));
        form.put("defaultLeadLastName", settings.defaultLeadLastName());
        form.put("defaultLeadCompany", settings.defaultLeadCompany());
        return form;
    }

    private static Map<String, String> connectionFormOf(SalesforceConnection.ConnectionView view) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("loginUrl", view.loginUrl() == null ? "" : view.loginUrl());
        form.put("authMode", view.authMode() == null ? "" : view.authMode());
        form.put("clientId", view.clientId() == null ? "" : view.clientId());
        form.put("username", view.username() == null ? "" : view.username());
        form.put("apiVersion", view.apiVersion() == null ? "" : view.apiVersion());
        return form;
    }
}
