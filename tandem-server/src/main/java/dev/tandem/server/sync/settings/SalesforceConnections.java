package dev.tandem.server.sync.settings;

import dev.tandem.salesforce.SalesforceClient;
import dev.tandem.salesforce.SalesforceConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the node's one shared {@link SalesforceClient} from the stored connection and the API budget setting.
 * The client is rebuilt when either changes (on any node: the stored row's timestamp is compared on each call,
 * which costs one small database read and no Salesforce call).
 */
public final class SalesforceConnections {

    private final SalesforceConnectionStore store;
    private final SyncSettingsService settings;
    private final MeterRegistry registry;
    private Built current;

    private record Built(Instant connectionUpdatedAt, int budgetPercent, SalesforceClient client) {
    }

    /** Clients for the connection in {@code store}, with metrics in {@code registry} (may be null). */
    public SalesforceConnections(SalesforceConnectionStore store, SyncSettingsService settings,
                                 MeterRegistry registry) {
        this.store = store;
        this.settings = settings;
        this.registry = registry;
    }

    /** The shared client of the stored connection; empty when no connection is configured. */
    public synchronized Optional<SalesforceClient> client() {
        Optional<Instant> stored = store.updatedAt();
        if (stored.isEmpty()) {
            current = null;
            return Optional.empty();
        }
        int budget = settings.current().apiBudgetPercent();
        if (current == null || !current.connectionUpdatedAt().equals(stored.get()) || current.budgetPercent() != budget) {
            Optional<SalesforceConnection> connection = store.load();
            if (connection.isEmpty()) {
                current = null;
                return Optional.empty();
            }
            SalesforceConfig config = config(connection.get(), budget);
            if (registry != null) {
                // Gauges read the client that registered them; the new client's would otherwise be ignored.
                registry.getMeters().stream()
                        .filter(m -> m instanceof Gauge && m.getId().getName().startsWith("salesforce.client."))
                        .forEach(registry::remove);
            }
            SalesforceClient client = registry == null ? SalesforceClient.connect(config)
                    : SalesforceClient.connect(config, registry);
            current = new Built(connection.get().updatedAt(), budget, client);
        }
        return Optional.of(current.client());
    }

    /** Forgets the cached client, so the next call builds a new one (after a connection change on this node). */
    public synchronized void reset() {
        current = null;
    }

    /** The client configuration for a stored connection. */
    static SalesforceConfig config(SalesforceConnection connection, int budgetPercent) {
        SalesforceSecrets secrets = connection.secrets();
        SalesforceConfig.Builder builder = SalesforceConfig.builder(connection.loginUrl())
                .apiVersion(connection.apiVersion())
                .apiBudgetPercent(budgetPercent);
        switch (Objects.requireNonNull(connection.authMode())) {
            case JWT_BEARER -> builder.jwtBearer(connection.clientId(), connection.username(), secrets.privateKey());
            case CLIENT_CREDENTIALS -> builder.clientCredentials(connection.clientId(), secrets.clientSecret());
            case REFRESH_TOKEN -> builder.refreshToken(connection.clientId(), secrets.clientSecret(),
                    secrets.refreshToken());
            case PASSWORD -> builder.password(connection.clientId(), secrets.clientSecret(), connection.username(),
                    secrets.password());
        }
        return builder.build();
    }
}
