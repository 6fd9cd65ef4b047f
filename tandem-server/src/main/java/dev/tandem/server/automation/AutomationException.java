package dev.tandem.server.automation;

/**
 * A refused smart campaign request whose Marketo code has no {@code DomainException} kind (1004 lead not found,
 * 1042 invalid runAt); the message starts with the field name. Nothing was written.
 */
public final class AutomationException extends RuntimeException {

    private final String code;

    public AutomationException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The Marketo error code. */
    public String code() {
        return code;
    }
}
