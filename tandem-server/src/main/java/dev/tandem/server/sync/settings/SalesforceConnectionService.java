package dev.tandem.server.sync.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.server.sync.secrets.SecretUnreadableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/** Reads and changes the stored Salesforce connection; secrets go in, never out. */
public final class SalesforceConnectionService {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceConnectionService.class);

    private final SalesforceConnectionStore store;
    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** A service over {@code store}; {@code clock} stamps updates. */
    public SalesforceConnectionService(SalesforceConnectionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The connection as the API shows it: which secrets are set, not what they are.
     *
     * @throws SecretUnreadableException when the stored secrets were written with another key
     */
    public SalesforceConnection.ConnectionView view() {
        return store.load().map(SalesforceConnection::describe)
                .orElseGet(SalesforceConnection.ConnectionView::notConfigured);
    }

    /**
     * Validates a (partial) update against the stored connection and saves it whole.
     *
     * @throws InvalidInputException naming every bad field; nothing is saved then
     */
    public SalesforceConnection.ConnectionView update(JsonNode change) {
        SalesforceConnection current;
        try {
            current = store.load().orElse(null);
        } catch (SecretUnreadableException e) {
            // The way out of a lost key: the update must then be a complete connection, as on first setup.
            LOG.warn("Stored Salesforce credentials cannot be decrypted; the update replaces them whole");
            current = null;
        }
        SalesforceConnection next = SalesforceConnectionChange.apply(current, change, clock.instant());
        store.save(next);
        LOG.info("Salesforce connection saved: login URL {}, auth mode {}, client id {}, user {}",
                next.loginUrl(), next.authMode(), next.clientId(), next.username());
        listeners.forEach(Runnable::run);
        return next.describe();
    }

    /** Calls {@code listener} after each saved change on this node (e.g. to drop a cached client). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
