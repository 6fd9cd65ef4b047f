package dev.tandem.server.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a partial update (a JSON object naming only the settings to change) to the current settings, as a
 * pure function: either every field is valid and a new value comes back, or every problem is reported.
 */
public final class SyncSettingsChange {

    private static final Set<String> FIELDS = Set.of("campaignSyncEnabled", "pollIntervalSeconds",
            "apiBudgetPercent", "defaultLeadLastName", "defaultLeadCompany", "pullForwardOnly");

    private SyncSettingsChange() {
    }

    /**
     * The settings after applying {@code update}.
     *
     * @throws InvalidInputException naming each unknown, mistyped, blank or out-of-range field
     */
    public static SyncSettings apply(SyncSettings current, JsonNode update, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (update == null || !update.isObject()) {
            throw new InvalidInputException(FieldError.invalid("body", "must be a JSON object of settings"));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!FIELDS.contains(name)) {
                errors.add(FieldError.invalid(name, "is not a sync setting (known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")"));
            }
        }
        boolean enabled = bool(update, "campaignSyncEnabled", current.campaignSyncEnabled(), errors);
        int poll = integer(update, "pollIntervalSeconds", current.pollIntervalSeconds(),
                SyncSettings.MIN_POLL_SECONDS, SyncSettings.MAX_POLL_SECONDS, errors);
        int budget = integer(update, "apiBudgetPercent", current.apiBudgetPercent(), 1, 100, errors);
        String lastName = text(update, "defaultLeadLastName", current.defaultLeadLastName(),
                SyncSettings.MAX_LAST_NAME, errors);
        String company = text(update, "defaultLeadCompany", current.defaultLeadCompany(),
                SyncSettings.MAX_COMPANY, errors);
        boolean forwardOnly = bool(update, "pullForwardOnly", current.pullForwardOnly(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SyncSettings(enabled, poll, budget, lastName, company, forwardOnly, now);
    }

    private static boolean bool(JsonNode update, String field, boolean current, List<FieldError> errors) {
        JsonNode node = update.get(field);
        if (node == null) {
            return current;
        }
        if (node.isNull()) {
            errors.add(FieldError.blank(field));
            return current;
        }
        if (!node.isBoolean()) {
            errors.add(FieldError.invalid(field, "must be true or false"));
            return current;
        }
        return node.booleanValue();
    }

    private static int integer(JsonNode update, String field, int current, int min, int max,
                               List<FieldError> errors) {
        JsonNode node = update.get(field);
        if (node == null) {
            return current;
        }
        if (node.isNull()) {
            errors.add(FieldError.blank(field));
            return current;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            errors.add(FieldError.invalid(field, "must be a whole number from " + min + " to " + max));
            return current;
        }
        return node.intValue();
    }

    private static String text(JsonNode update, String field, String current, int maxLength,
                               List<FieldError> errors) {
        JsonNode node = update.get(field);
        if (node == null) {
            return current;
        }
        if (node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            errors.add(FieldError.blank(field));
            return current;
        }
        if (!node.isTextual()) {
            errors.add(FieldError.invalid(field, "must be a string"));
            return current;
        }
        String value = node.textValue().trim();
        if (value.length() > maxLength) {
            errors.add(FieldError.invalid(field, "must be at most " + maxLength + " characters"));
            return current;
        }
        return value;
    }
}
