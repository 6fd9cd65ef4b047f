package dev.tandem.server.console.web;

import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.sync.campaign.SalesforceRefusedException;
import dev.tandem.server.sync.secrets.SecretUnreadableException;
import dev.tandem.server.sync.settings.InvalidInputException;

import java.util.Optional;

/**
 * Tells a refusal the user can act on (bad input, unknown object, conflicting state, Salesforce saying no) from a
 * fault; only the former's message is shown as is, faults show a request id and go to the log.
 */
public final class UserErrors {

    private UserErrors() {
    }

    /** The message to show for a refusal, or empty for a fault. */
    public static Optional<String> message(Throwable failure) {
        // An IllegalArgumentException is not among them: the console checks its own input into these types, so one
        // that escapes is a fault (logged, a request id shown), not a message written for the user.
        if (failure instanceof DomainException
                || failure instanceof InvalidInputException || failure instanceof SalesforceRefusedException
                || failure instanceof SecretUnreadableException) {
            return Optional.ofNullable(failure.getMessage());
        }
        if (failure instanceof SalesforceException salesforce) {
            return Optional.of("Salesforce answered " + salesforce.errorCode() + ": " + salesforce.errorMessage()
                    + ". Settings → Diagnosis checks the connection.");
        }
        return Optional.empty();
    }

    /** Whether the refusal means "no such object" (shown with HTTP 404). */
    public static boolean isNotFound(Throwable failure) {
        return failure instanceof DomainException domain && domain.kind() == DomainException.Kind.NOT_FOUND;
    }
}
