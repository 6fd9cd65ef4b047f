package dev.tandem.server.console.web;

import dev.tandem.server.domain.DomainException;

import java.util.Optional;

/**
 * Tells a refusal the user can act on (bad input, unknown object, conflicting state) from a fault; only the
 * former's message is shown as is, faults show a request id and go to the log.
 */
public final class UserErrors {

    private UserErrors() {
    }

    /** The message to show for a refusal, or empty for a fault. */
    public static Optional<String> message(Throwable failure) {
        if (failure instanceof DomainException || failure instanceof IllegalArgumentException) {
            return Optional.ofNullable(failure.getMessage());
        }
        return Optional.empty();
    }

    /** Whether the refusal means "no such object" (shown with HTTP 404). */
    public static boolean isNotFound(Throwable failure) {
        return failure instanceof DomainException domain && domain.kind() == DomainException.Kind.NOT_FOUND;
    }
}
