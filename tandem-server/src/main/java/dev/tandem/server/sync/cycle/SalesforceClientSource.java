package dev.tandem.server.sync.cycle;

import dev.tandem.salesforce.SalesforceClient;
import java.util.Optional;

/** The node's Salesforce client, when a connection is configured. */
@FunctionalInterface
public interface SalesforceClientSource {

    /** The shared client, or empty when no connection is configured. */
    Optional<SalesforceClient> client();
}
