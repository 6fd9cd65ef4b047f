package dev.tandem.salesforce;

/** The OAuth flow the client logs in with. */
public enum AuthMode {
    /** Signed JWT assertion; recommended for servers (no secret sent, no refresh token stored). */
    JWT_BEARER,
    /** Connected-app id and secret, running as the app's "Run As" user. */
    CLIENT_CREDENTIALS,
    /** A refresh token from an earlier interactive authorization. */
    REFRESH_TOKEN,
    /** Username and password; for development only. */
    PASSWORD
}
