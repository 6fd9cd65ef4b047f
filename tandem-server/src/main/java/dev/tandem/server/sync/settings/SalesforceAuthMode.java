package dev.tandem.server.sync.settings;

import java.util.List;

/** How Tandem signs in to Salesforce, and which stored values each way needs. */
public enum SalesforceAuthMode {
    /** OAuth 2.0 JWT bearer: connected app's client id, the sync user's username, an RSA private key. */
    JWT_BEARER(true, List.of("privateKey")),
    /** OAuth 2.0 client credentials: the connected app runs as its configured user. */
    CLIENT_CREDENTIALS(false, List.of("clientSecret")),
    /** OAuth 2.0 refresh token issued to the sync user. */
    REFRESH_TOKEN(false, List.of("refreshToken")),
    /** Username-password flow; for development only, Salesforce discourages it. */
    PASSWORD(true, List.of("clientSecret", "password"));

    private final boolean needsUsername;
    private final List<String> requiredSecrets;

    SalesforceAuthMode(boolean needsUsername, List<String> requiredSecrets) {
        this.needsUsername = needsUsername;
        this.requiredSecrets = requiredSecrets;
    }

    /** Whether this mode signs in as a named user. */
    public boolean needsUsername() {
        return needsUsername;
    }

    /** The secret fields (API names) this mode cannot work without. */
    public List<String> requiredSecrets() {
        return requiredSecrets;
    }
}
