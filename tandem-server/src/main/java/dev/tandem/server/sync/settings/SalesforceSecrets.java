package dev.tandem.server.sync.settings;

/**
 * The secret parts of a Salesforce connection, in clear, held only in memory. {@link #toString()} masks them so a
 * logged value leaks nothing.
 */
public record SalesforceSecrets(String clientSecret, String password, String privateKey, String refreshToken) {

    /** No secret at all. */
    public static SalesforceSecrets none() {
        return new SalesforceSecrets(null, null, null, null);
    }

    /** The secret with this API field name. */
    public String get(String field) {
        return switch (field) {
            case "clientSecret" -> clientSecret;
            case "password" -> password;
            case "privateKey" -> privateKey;
            case "refreshToken" -> refreshToken;
            default -> throw new IllegalArgumentException("not a secret field: " + field);
        };
    }

    /** These secrets with one replaced (null clears it). */
    public SalesforceSecrets with(String field, String value) {
        return switch (field) {
            case "clientSecret" -> new SalesforceSecrets(value, password, privateKey, refreshToken);
            case "password" -> new SalesforceSecrets(clientSecret, value, privateKey, refreshToken);
            case "privateKey" -> new SalesforceSecrets(clientSecret, password, value, refreshToken);
            case "refreshToken" -> new SalesforceSecrets(clientSecret, password, privateKey, value);
            default -> throw new IllegalArgumentException("not a secret field: " + field);
        };
    }

    @Override
    public String toString() {
        return "SalesforceSecrets[clientSecret=" + mask(clientSecret) + ", password=" + mask(password)
                + ", privateKey=" + mask(privateKey) + ", refreshToken=" + mask(refreshToken) + "]";
    }

    private static String mask(String value) {
        return value == null ? "none" : "****";
    }
}
