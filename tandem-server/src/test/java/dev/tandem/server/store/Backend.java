package dev.tandem.server.store;

/** The databases every store and service test runs on. */
public enum Backend {
    H2,
    POSTGRESQL
}
