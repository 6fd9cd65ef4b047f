package dev.tandem.salesforce.http;

import dev.tandem.salesforce.error.ErrorCodes;

/**
 * Decides whether a failed request may be sent again. Idempotent requests always may. A non-idempotent one
 * (a collections create, a composite POST) only when Salesforce proves it did not apply it:
 * <ul>
 *   <li>the connection was refused, so nothing was sent;</li>
 *   <li>Salesforce answered with its own error array: a request-level error rolls the whole request back,
 *       including 5xx answers that carry such a body.</li>
 * </ul>
 * A timeout, a dropped connection or a 5xx without a Salesforce body (proxy page) leaves the outcome unknown:
 * the request is not replayed and the caller gets an exception with {@code outcomeUnknown() == true}.
 */
public final class ReplayRule {
    private ReplayRule() {
    }

    /** After a response with an error status. */
    public static boolean mayReplayAfterResponse(boolean idempotent, int status, String errorCode,
                                                 boolean salesforceErrorBody) {
        boolean transientFailure = status >= 500 || ErrorCodes.isTransient(errorCode);
        if (!transientFailure) {
            return false;
        }
        return idempotent || salesforceErrorBody;
    }

    /** After an I/O failure; {@code notSent} is true when the connection could not even be opened. */
    public static boolean mayReplayAfterIoFailure(boolean idempotent, boolean notSent) {
        return idempotent || notSent;
    }
}
