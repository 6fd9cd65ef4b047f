package dev.tandem.server.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.salesforce.AuthMode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies a connection update to the stored connection, as a pure function. Fields left out keep their value,
 * so a secret need not be sent again to change the login URL; a secret sent as null is cleared. The result must
 * be complete for its auth mode. Error messages never repeat a secret's value.
 */
public final class SalesforceConnectionChange {

    /** API version used when none is given. */
    public static final String DEFAULT_API_VERSION = "62.0";

    private static final Set<String> PLAIN_FIELDS = Set.of("loginUrl", "apiVersion", "authMode", "clientId",
            "username");
    private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.0");
    private static final int MAX_TEXT = 255;
    private static final int MAX_SECRET = 16_384;

    private SalesforceConnectionChange() {
    }

    /**
     * The connection after applying {@code update} to {@code current} (null when none is stored yet).
     *
     * @throws InvalidInputException naming every unknown, mistyped, missing or malformed field
     */
    public static SalesforceConnection apply(SalesforceConnection current, JsonNode update, Instant now) {
        if (update == null || !update.isObject()) {
            throw new InvalidInputException(FieldError.invalid("body", "must be a JSON object"));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> it = update.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!PLAIN_FIELDS.contains(name) && !SalesforceConnection.SECRET_FIELDS.contains(name)) {
                errors.add(FieldError.invalid(name, "is not a connection setting (known: apiVersion, authMode,"
                        + " clientId, clientSecret, loginUrl, password, privateKey, refreshToken, username)"));
            }
        }
        String loginUrl = text(update, "loginUrl", current == null ? null : current.loginUrl(), MAX_TEXT, errors);
        String apiVersion = text(update, "apiVersion", current == null ? DEFAULT_API_VERSION : current.apiVersion(),
                10, errors);
        String modeName = text(update, "authMode", current == null ? null : current.authMode().name(), 40, errors);
        String clientId = text(update, "clientId", current == null ? null : current.clientId(), MAX_TEXT, errors);
        String username = text(update, "username", current == null ? null : current.username(), MAX_TEXT, errors);
        SalesforceSecrets secrets = current == null ? SalesforceSecrets.none() : current.secrets();
        for (String field : SalesforceConnection.SECRET_FIELDS) {
            secrets = secrets.with(field, secret(update, field, secrets.get(field), errors));
        }

        if (loginUrl == null) {
            errors.add(FieldError.blank("loginUrl"));
        } else if (!isHttpUrl(loginUrl)) {
            errors.add(FieldError.invalid("loginUrl", "must be an http or https URL, e.g."
                    + " https://login.salesforce.com"));
        }
        if (apiVersion == null) {
            apiVersion = DEFAULT_API_VERSION;
        } else if (!API_VERSION.matcher(apiVersion).matches()) {
            errors.add(FieldError.invalid("apiVersion", "must look like 62.0"));
        }
        AuthMode mode = null;
        if (modeName == null) {
            errors.add(FieldError.blank("authMode"));
        } else {
            try {
                mode = AuthMode.valueOf(modeName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.invalid("authMode", "must be one of JWT_BEARER, CLIENT_CREDENTIALS,"
                        + " REFRESH_TOKEN, PASSWORD"));
            }
        }
        if (clientId == null) {
            errors.add(FieldError.blank("clientId"));
        }
        if (mode != null) {
            if ((mode == AuthMode.JWT_BEARER || mode == AuthMode.PASSWORD) && username == null) {
                errors.add(new FieldError(FieldError.BLANK, "username", "cannot be blank for authMode " + mode));
            }
            for (String needed : requiredSecrets(mode)) {
                if (secrets.get(needed) == null) {
                    errors.add(new FieldError(FieldError.BLANK, needed, "cannot be blank for authMode " + mode));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new SalesforceConnection(stripSlash(loginUrl), apiVersion, mode, clientId, username, secrets, now);
    }

    /** The secret fields (API names) each way of signing in cannot work without. */
    static List<String> requiredSecrets(AuthMode mode) {
        return switch (mode) {
            case JWT_BEARER -> List.of("privateKey");
            case CLIENT_CREDENTIALS -> List.of("clientSecret");
            case REFRESH_TOKEN -> List.of("refreshToken");
            case PASSWORD -> List.of("clientSecret", "password");
        };
    }

    private static String text(JsonNode update, String field, String current, int max, List<FieldError> errors) {
        if (!update.has(field)) {
            return current;
        }
        JsonNode node = update.get(field);
        if (node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(FieldError.invalid(field, "must be a string"));
            return current;
        }
        String value = node.textValue().trim();
        if (value.length() > max) {
            errors.add(FieldError.invalid(field, "must be at most " + max + " characters"));
            return current;
        }
        return value;
    }

    private static String secret(JsonNode update, String field, String current, List<FieldError> errors) {
        if (!update.has(field)) {
            return current;
        }
        JsonNode node = update.get(field);
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            errors.add(FieldError.invalid(field, "must be a non-blank string, or null to clear it"));
            return current;
        }
        if (node.textValue().length() > MAX_SECRET) {
            errors.add(FieldError.invalid(field, "must be at most " + MAX_SECRET + " characters"));
            return current;
        }
        return node.textValue();
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
