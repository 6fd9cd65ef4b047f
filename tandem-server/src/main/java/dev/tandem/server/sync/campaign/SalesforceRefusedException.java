package dev.tandem.server.sync.campaign;

import dev.tandem.salesforce.write.RecordError;

/** Salesforce refused a record write the link needs; carries Salesforce's own status code and message. */
public final class SalesforceRefusedException extends RuntimeException {

    private final String statusCode;

    /** Salesforce refused {@code action} with {@code error}. */
    public SalesforceRefusedException(String action, RecordError error) {
        super("Salesforce refused to " + action + ": " + (error == null ? "no reason given"
                : error.statusCode() + " " + error.message()
                + (error.fields().isEmpty() ? "" : " (fields " + error.fields() + ")")));
        this.statusCode = error == null ? null : error.statusCode();
    }

    /** Salesforce's statusCode, e.g. CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY. */
    public String statusCode() {
        return statusCode;
    }
}
