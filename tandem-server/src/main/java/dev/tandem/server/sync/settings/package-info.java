/**
 * The campaign sync's settings ({@link dev.tandem.server.sync.settings.SyncSettingsService}) and the Salesforce
 * connection, whose secrets are stored encrypted, accepted but never returned by the API, and never logged
 * ({@link dev.tandem.server.sync.settings.SalesforceConnectionService}); the node's shared client comes from
 * {@link dev.tandem.server.sync.settings.SalesforceConnections}.
 */
package dev.tandem.server.sync.settings;
