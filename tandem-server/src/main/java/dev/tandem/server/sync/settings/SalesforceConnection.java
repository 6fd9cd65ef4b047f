package dev.tandem.server.sync.settings;

import dev.tandem.salesforce.AuthMode;
import java.time.Instant;
import java.util.List;

/**
 * The stored Salesforce connection, secrets decrypted. Only {@link SalesforceConnections} turns it into a client;
 * the API shows it through {@link #describe()}, which says which secrets are set but never what they are.
 */
public record SalesforceConnection(String loginUrl, String apiVersion, AuthMode authMode,
                                   String clientId, String username, SalesforceSecrets secrets,
                                   Instant updatedAt) {

    /** The secret field names, as the API spells them. */
    public static final List<String> SECRET_FIELDS = List.of("clientSecret", "password", "privateKey",
            "refreshToken");

    /** What GET shows: every non-secret value, and for each secret only whether it is set. */
    public ConnectionView describe() {
        return new ConnectionView(true, loginUrl, apiVersion, authMode.name(), clientId, username,
                secrets.clientSecret() != null, secrets.password() != null, secrets.privateKey() != null,
                secrets.refreshToken() != null, updatedAt);
    }

    /** A connection's public face; secrets are write-only. */
    public record ConnectionView(boolean configured, String loginUrl, String apiVersion, String authMode,
                                 String clientId, String username, boolean clientSecretSet, boolean passwordSet,
                                 boolean privateKeySet, boolean refreshTokenSet, Instant updatedAt) {

        /** The view of a connection that has never been configured. */
        public static ConnectionView notConfigured() {
            return new ConnectionView(false, null, null, null, null, null, false, false, false, false, null);
        }
    }
}
