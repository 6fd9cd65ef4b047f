package dev.tandem.server.auth;

/** What the server makes of a presented access token. */
public enum TokenCheck {
    VALID, INVALID, EXPIRED
}
