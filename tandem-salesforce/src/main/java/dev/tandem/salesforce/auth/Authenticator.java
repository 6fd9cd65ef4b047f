package dev.tandem.salesforce.auth;

/** Obtains a fresh session from the token endpoint. */
@FunctionalInterface
public interface Authenticator {
    Session authenticate();
}
