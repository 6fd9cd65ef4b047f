package dev.tandem.salesforce.error;

/** What a caller should do about a failure, independent of Salesforce's many error codes. */
public enum ErrorKind {
    /** Credentials or session are wrong; re-authentication already failed. Fix the connection settings. */
    AUTH,
    /** Transient; the same request may succeed later. */
    RETRYABLE,
    /** The org's daily API limit, or Tandem's share of it, is used up: stop and reschedule. */
    LIMIT,
    /** The record's data was refused; retrying the same data fails again. */
    DATA,
    /** The record or resource does not exist (or is deleted). */
    NOT_FOUND,
    /** The org, permissions or request shape is wrong (unknown field/type, access, malformed query). */
    CONFIG
}
